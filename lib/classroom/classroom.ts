// One classroom session: the presenter's token, the audience's join code, who is connected and following, the
// presenter's view, the open poll and whether the class may shop. No sockets or HTTP here: the server asks it.
import type { IncomingHttpHeaders } from "node:http";
import type { ClassroomPublic, ClassroomView, PollOpenBody, PresenterView, Role, VoteBody } from "../contract/classroom";
import { AUDIENCE_COOKIE, PRESENTER_COOKIE, VIEWER_COOKIE, bearerToken, readCookies } from "./cookies";
import { castVote, closePoll, openPoll, pollView, revealPoll, type Poll } from "./polls";
import { newJoinCode, normaliseJoinCode, sameSecret } from "./secrets";

/** Who a request or socket is: the presenter, or a viewer who joined with the current code (and their browser's id). */
export interface Visitor {
  role: Role;
  viewerId: string | null;
}

export interface ClassroomOptions {
  token: string;
  /** Where the class reaches the app, e.g. http://192.168.1.20:3000. */
  origin: string;
  /** What the sandbox measured now, in words, for a poll's reveal (the lesson step's figures when it came from one). */
  measure(source: Poll["source"]): string;
  /** A lesson step's prediction as a poll's question, or undefined when there is none. */
  prediction(lessonId: string, stepId: string): { question: string; choices: Poll["choices"] } | undefined;
}

/** A refused classroom action: the status it answers with and a sentence. */
export class ClassroomRefusal extends Error {
  constructor(readonly status: 400 | 403 | 404 | 409, message: string) {
    super(message);
  }
}

/** Sockets kept per session; a room larger than this is refused at the handshake rather than slowing everyone. */
export const MAX_VIEWERS = 2_000;

export class Classroom {
  joinCode = newJoinCode();
  letClassShop = false;
  view: PresenterView | null = null;
  private poll: Poll | null = null;
  private pollCount = 0;
  private readonly sockets = new Map<string, { role: Role; following: boolean }>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: ClassroomOptions) {}

  /** The presenter (bearer token or cookie) first; then a viewer whose cookie holds the current join code. */
  visitorOf(headers: IncomingHttpHeaders): Visitor | undefined {
    const cookies = readCookies(headers);
    if (this.isToken(bearerToken(headers)) || this.isToken(cookies.get(PRESENTER_COOKIE))) return { role: "presenter", viewerId: null };
    const code = cookies.get(AUDIENCE_COOKIE);
    if (code !== undefined && this.isJoinCode(code)) return { role: "audience", viewerId: cookies.get(VIEWER_COOKIE) ?? null };
    return undefined;
  }

  isToken(given: string | undefined): boolean {
    return sameSecret(given, this.options.token);
  }

  isJoinCode(given: string): boolean {
    return sameSecret(normaliseJoinCode(given), this.joinCode);
  }

  get audienceUrl(): string {
    return `${this.options.origin}/?join=${this.joinCode}`;
  }

  get presenterUrl(): string {
    return `${this.options.origin}/?token=${this.options.token}`;
  }

  /** A new join code: the old link stops working, and the server drops the viewers who came in by it. */
  rotate(): string {
    this.joinCode = newJoinCode();
    this.changed();
    return this.joinCode;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  connected(socketId: string, role: Role): void {
    // A follower follows from the start: that is why they opened the link.
    this.sockets.set(socketId, { role, following: role === "audience" });
    this.changed();
  }

  disconnected(socketId: string): void {
    if (this.sockets.delete(socketId)) this.changed();
  }

  get full(): boolean {
    return this.sockets.size >= MAX_VIEWERS;
  }

  setFollowing(socketId: string, following: boolean): void {
    const socket = this.sockets.get(socketId);
    if (!socket || socket.role !== "audience" || socket.following === following) return;
    socket.following = following;
    this.changed();
  }

  setView(view: PresenterView): void {
    this.view = view;
  }

  setShop(allowed: boolean): void {
    this.letClassShop = allowed;
    this.changed();
  }

  openPoll(body: PollOpenBody): void {
    let question: string;
    let choices: Poll["choices"];
    let source: Poll["source"] = null;
    if ("lessonId" in body) {
      const prediction = this.options.prediction(body.lessonId, body.stepId);
      if (!prediction) throw new ClassroomRefusal(404, `lesson ${body.lessonId} has no step ${body.stepId} with a prediction`);
      ({ question, choices } = prediction);
      source = { lessonId: body.lessonId, stepId: body.stepId };
    } else {
      ({ question, choices } = body);
      if (new Set(choices.map((choice) => choice.id)).size !== choices.length) throw new ClassroomRefusal(400, "two choices have the same id");
    }
    this.poll = openPoll(`poll-${++this.pollCount}`, question, choices, source);
    this.changed();
  }

  vote(viewerId: string | null, body: VoteBody): void {
    if (!viewerId) throw new ClassroomRefusal(403, "only a viewer who joined with the audience link can vote");
    const refused = castVote(this.poll, body.pollId, viewerId, body.choice);
    if (refused) throw new ClassroomRefusal(409, refused);
    this.changed();
  }

  closePoll(): void {
    closePoll(this.openOrRevealable());
    this.changed();
  }

  revealPoll(): void {
    const poll = this.openOrRevealable();
    revealPoll(poll, this.options.measure(poll.source));
    this.changed();
  }

  private openOrRevealable(): Poll {
    if (!this.poll) throw new ClassroomRefusal(409, "no poll is open");
    return this.poll;
  }

  publicView(): ClassroomPublic {
    const viewers = [...this.sockets.values()].filter((socket) => socket.role === "audience");
    return {
      joinCode: this.joinCode,
      viewers: { connected: viewers.length, following: viewers.filter((viewer) => viewer.following).length },
      letClassShop: this.letClassShop,
      poll: this.poll ? pollView(this.poll) : null,
    };
  }

  viewFor(visitor: Visitor): ClassroomView {
    return {
      enabled: true,
      ...this.publicView(),
      role: visitor.role,
      audienceUrl: this.audienceUrl,
      presenterUrl: visitor.role === "presenter" ? this.presenterUrl : null,
      myVote: (visitor.viewerId && this.poll?.votes.get(visitor.viewerId)) ?? null,
      view: this.view,
    };
  }
}
