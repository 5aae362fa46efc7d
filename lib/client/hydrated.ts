// Whether the page's scripts have taken over the server's HTML. Before that a form cannot act (a click is lost and
// what was typed is replaced), so controls that need the scripts are drawn disabled until then.
import { useSyncExternalStore } from "react";

const nothingToWatch = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(nothingToWatch, () => true, () => false);
}
