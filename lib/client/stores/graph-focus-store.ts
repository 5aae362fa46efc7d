// Which stack the graph draws when both run: one at a time, at a size that can be read, the other summarised above.
import { createStore } from "zustand/vanilla";
import type { StackId } from "../../contract/events";

export const graphFocusStore = createStore<{ focus: StackId }>()(() => ({ focus: "microservices" }));

export const showStack = (focus: StackId): void => graphFocusStore.setState({ focus }, true);
