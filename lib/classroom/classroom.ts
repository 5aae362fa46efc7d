// One classroom session: the presenter's token, the audience's join code, who is connected and following, the
// presenter's view, the open poll and whether the class may shop. No sockets or HTTP here: the server asks it.
import type { IncomingHttpHeaders } from "node:http";
import type { ClassroomPublic, ClassroomView, PollOpenBody, PresenterView, Role, VoteBody } from "../contract/classroom";
import { randomBytes } from "node:crypto";
import { AUDIENCE_COOKIE, PRESENTER_COOKIE, bearerToken, readCookies } from "./cookies";
import { askAgain, castVote, closePoll, openPoll, type Poll, pollView, revealPoll } from "./polls";
import { newJoinCode, newViewerId, normaliseJoinCode, passId, sameSecret, signedPass } from "./secrets";

/** Who a request or socket is: the presenter, or a viewer who joined with the current code (and the id the server gave them). */
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

/** Viewers kept per session; a room larger than this is refused at the handshake rather than slowing everyone. */
export const MAX_VIEWERS = 2_000;
/** Sockets one viewer may hold: a page opens two (the stream and the class's), so a few tabs, not a flood. */
export const MAX_SOCKETS_PER_VIEWER = 6;

interface ClassSocket {
  role: Role;
  viewerId: string | null;
  /** The class's own socket (the one a page opens to be counted), not the page's stream. */
  counted: boolean;
  following: boolean;
}

export class Classroom {
  joinCode = newJoinCode();
  letClassShop = false;
  view: PresenterView | null = null;
  private poll: Poll | null = null;
  private pollCount = 0;
  private readonly sockets = new Map<string, ClassSocket>();
  /** viewer id → that viewer's sockets. */
  private readonly viewers = new Map<string, Set<string>>();
  private readonly listeners = new Set<() => void>();
  /** Signs the passes; made anew at every start, so a pass from an earlier session means nothing. */
  private readonly key = randomBytes(32);

  constructor(private readonly options: ClassroomOptions) {}

  /** The presenter (bearer token or a signed session) first; then a viewer whose pass was signed under the current code. */
  visitorOf(headers: IncomingHttpHeaders): Visitor | undefined {
    const cookies = readCookies(headers);
    if (this.isToken(bearerToken(headers)) || passId(this.key, cookies.get(PRESENTER_COOKIE), "presenter") !== undefined) return { role: "presenter", viewerId: null };
    const viewerId = passId(this.key, cookies.get(AUDIENCE_COOKIE), `audience ${this.joinCode}`);
    return viewerId === undefined ? undefined : { role: "audience", viewerId };
  }

  /** The presenter's cookie: a session signed by the server, so the token itself never sits in a browser's cookie jar. */
  presenterPass(): string {
    return signedPass(this.key, newViewerId(), "presenter");
  }

  /** A viewer's cookie under the current join code: the id the viewer already had (a reload), or a new one. */
  audiencePass(headers: IncomingHttpHeaders): string {
    const known = this.visitorOf(headers);
    return signedPass(this.key, known?.role === "audience" && known.viewerId ? known.viewerId : newViewerId(), `audience ${this.joinCode}`);
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

  /** Why this visitor may not open one more socket now, or undefined. The presenter is always let in. */
  socketRefusal(visitor: Visitor): string | undefined {
    if (visitor.role === "presenter" || !visitor.viewerId) return undefined;
    const own = this.viewers.get(visitor.viewerId);
    if (own && own.size >= MAX_SOCKETS_PER_VIEWER) return `one viewer may keep at most ${MAX_SOCKETS_PER_VIEWER} connections: close a tab of the sandbox`;
    if (!own && this.viewers.size >= MAX_VIEWERS) return "this class is full";
    return undefined;
  }

  /** Takes a socket in, or refuses it (a sentence); checked and counted at once, so a burst cannot slip past the limit. */
  connected(socketId: string, visitor: Visitor, counted: boolean): string | undefined {
    const refused = this.socketRefusal(visitor);
    if (refused) return refused;
    // A follower follows from the start: that is why they opened the link.
    this.sockets.set(socketId, { role: visitor.role, viewerId: visitor.viewerId, counted, following: visitor.role === "audience" });
    if (visitor.viewerId) {
      const own = this.viewers.get(visitor.viewerId) ?? new Set<string>();
      this.viewers.set(visitor.viewerId, own.add(socketId));
    }
    if (counted) this.changed();
    return undefined;
  }

  disconnected(socketId: string): void {
    const socket = this.sockets.get(socketId);
    if (!socket) return;
    this.sockets.delete(socketId);
    const own = socket.viewerId ? this.viewers.get(socket.viewerId) : undefined;
    if (own?.delete(socketId) && own.size === 0) this.viewers.delete(socket.viewerId!);
    if (socket.counted) this.changed();
  }

  setFollowing(socketId: string, following: boolean): void {
    const socket = this.sockets.get(socketId);
    if (!socket || socket.role !== "audience" || !socket.counted || socket.following === following) return;
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

  /** Vote, discuss, vote again: the same question, the first round's votes kept for the reveal. */
  askPollAgain(): void {
    const refused = askAgain(this.openOrRevealable());
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
    // Counted per viewer, not per socket: a viewer with three tabs is one viewer, following when any tab follows.
    const connected = new Set<string>();
    const following = new Set<string>();
    for (const socket of this.sockets.values()) {
      if (socket.role !== "audience" || !socket.counted || !socket.viewerId) continue;
      connected.add(socket.viewerId);
      if (socket.following) following.add(socket.viewerId);
    }
    return {
      joinCode: this.joinCode,
      viewers: { connected: connected.size, following: following.size },
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
