// The classroom as this browser sees it: its role, the class's figures and poll, the presenter's view, and whether
// this viewer follows it. Outside classroom mode `enabled` stays false and nothing else is used.
import { createStore } from "zustand/vanilla";
import type { ClassroomPublic, ClassroomView, PresenterView, Role } from "../../contract/classroom";

export interface ClassroomState {
  /** Whether GET /api/classroom answered (or failed): until then a page does not act on its own (a lesson's set-up). */
  checked: boolean;
  enabled: boolean;
  role: Role | null;
  audienceUrl: string | null;
  presenterUrl: string | null;
  class: ClassroomPublic | null;
  myVote: string | null;
  /** The presenter's last view, as sent. */
  presenterView: PresenterView | null;
  /** A viewer follows from the start; their own navigation, click or pan stops it. */
  following: boolean;
  /** The projector's large type and hidden operator chrome (?projector=1, or the console's toggle). */
  projector: boolean;
}

export const initialClassroom: ClassroomState = { checked: false, enabled: false, role: null, audienceUrl: null, presenterUrl: null, class: null, myVote: null, presenterView: null, following: true, projector: false };

export const classroomStore = createStore<ClassroomState>()(() => initialClassroom);

export function applyClassroomView(state: ClassroomState, view: ClassroomView): ClassroomState {
  if (!view.enabled) return { ...state, checked: true, enabled: false };
  const { enabled, role, audienceUrl, presenterUrl, myVote, view: presenterView, ...shared } = view;
  return { ...state, checked: true, enabled, role, audienceUrl, presenterUrl, myVote, presenterView: state.presenterView ?? presenterView, class: shared };
}

export function applyClassroomPublic(state: ClassroomState, shared: ClassroomPublic): ClassroomState {
  // A new poll forgets the vote given in the last one.
  const myVote = state.class?.poll?.id === shared.poll?.id ? state.myVote : null;
  return { ...state, class: shared, myVote };
}

/** Whether this page may show a control that acts on the sandbox: always outside a classroom, only for the presenter in one. */
export function canAct(state: ClassroomState): boolean {
  return !state.enabled || state.role === "presenter";
}

/** Whether the class's poll asks this lesson step's prediction: the poll is then the one place it is asked. */
export function pollAsksStep(state: ClassroomState, lessonId: string, stepId: string): boolean {
  const source = state.enabled ? state.class?.poll?.source : null;
  return source?.lessonId === lessonId && source.stepId === stepId;
}
