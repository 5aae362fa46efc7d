// The lesson the server is running, as the page last heard it over socket.io; `heard` says whether it has heard at all.
import { createStore } from "zustand/vanilla";
import type { LessonRun } from "../../contract/lessons";

export interface LessonView {
  heard: boolean;
  run: LessonRun | null;
}

export const lessonStore = createStore<LessonView>()(() => ({ heard: false, run: null }));

export const applyLessonRun = (run: LessonRun | null): void => lessonStore.setState({ heard: true, run }, true);
