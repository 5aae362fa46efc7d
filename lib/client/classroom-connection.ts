// The classroom's own socket (it lives in the page frame, so it stays across screens) and its calls: what the
// presenter sends, what a viewer gets, and the poll and console actions.
import { io, type Socket } from "socket.io-client";
import type { ClassroomView, PresenterView } from "../contract/classroom";
import { CLASSROOM_NAMESPACE, type ClassroomClientToServerEvents, type ClassroomServerToClientEvents } from "../contract/classroom-socket";
import { callControl, type ApiResult } from "./sandbox-api";
import { applyClassroomPublic, applyClassroomView, classroomStore } from "./stores/classroom-store";

let socket: Socket<ClassroomServerToClientEvents, ClassroomClientToServerEvents> | null = null;

/** Asks who this browser is; in classroom mode opens the classroom socket. Returns the function that closes it. */
export function joinClassroom(): () => void {
  let closed = false;
  void callControl("classroom").then((answer) => {
    if (closed) return;
    // No answer: treated as no classroom (the server refuses anything the page should not do anyway).
    if (!answer.ok) return void classroomStore.setState((state) => ({ ...state, checked: true }), true);
    classroomStore.setState((state) => applyClassroomView(state, answer.data), true);
    if (!answer.data.enabled) return;
    // The class's own namespace: this socket is the one that counts as a viewer (the screens open the stream's).
    socket = io(CLASSROOM_NAMESPACE, { transports: ["websocket"] });
    socket.on("classroom", (shared) => classroomStore.setState((state) => applyClassroomPublic(state, shared), true));
    socket.on("classroom:view", (view) => classroomStore.setState((state) => ({ ...state, presenterView: view }), true));
    socket.on("connect", () => socket?.emit("classroom:following", classroomStore.getState().following));
  });
  return () => {
    closed = true;
    socket?.disconnect();
    socket = null;
  };
}

/** The presenter's view, to every follower. */
export function publishView(view: PresenterView): void {
  socket?.emit("classroom:view", view);
}

export function setFollowing(following: boolean): void {
  if (classroomStore.getState().following === following) return;
  classroomStore.setState((state) => ({ ...state, following }), true);
  socket?.emit("classroom:following", following);
}

async function refreshFrom(answer: Promise<ApiResult<ClassroomView>>): Promise<string | null> {
  const result = await answer;
  if (!result.ok) return result.error;
  classroomStore.setState((state) => applyClassroomView(state, result.data), true);
  return null;
}

export const classroomActions = {
  openPoll: (body: { question: string; choices: Array<{ id: string; label: string }> } | { lessonId: string; stepId: string }) => refreshFrom(callControl("openPoll", { body })),
  closePoll: () => refreshFrom(callControl("closePoll")),
  revealPoll: () => refreshFrom(callControl("revealPoll")),
  askPollAgain: () => refreshFrom(callControl("askPollAgain")),
  vote: (pollId: string, choice: string) => refreshFrom(callControl("vote", { body: { pollId, choice } })),
  letClassShop: (allowed: boolean) => refreshFrom(callControl("letClassShop", { body: { allowed } })),
  rotate: () => refreshFrom(callControl("rotateAudience")),
};
