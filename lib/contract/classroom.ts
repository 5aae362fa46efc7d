// The classroom's shapes: who is asking, the presenter's view that followers copy, polls, and the console's figures.
import { z } from "zod";

export const RoleSchema = z.enum(["presenter", "audience"]);
export type Role = z.infer<typeof RoleSchema>;

/** A path of the app itself: segments of plain characters, never "//" (a browser reads "//host/p" as another host). */
const APP_PATH = /^\/(?:[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*)?$/;
export const isAppPath = (route: string): boolean => route.length <= 200 && APP_PATH.test(route);

/** What the presenter is looking at, sent to every follower. Bounded strings: a follower renders them. */
export const PresenterViewSchema = z
  .object({
    /** The screen's path: "/", "/compare", "/tutorial", "/tutorial/<lesson>/<step>". */
    route: z.string().max(200).regex(APP_PATH),
    selection: z
      .union([
        z.object({ kind: z.literal("node"), id: z.string().max(100) }).strict(),
        z.object({ kind: z.literal("trace"), traceId: z.string().max(100), title: z.string().max(300) }).strict(),
        z.object({ kind: z.literal("order"), orderId: z.string().max(100), traceId: z.string().max(100).optional() }).strict(),
      ])
      .nullable(),
    /** The graph's viewport (React Flow's x, y, zoom), or null when no graph is drawn. */
    viewport: z.object({ x: z.number().finite(), y: z.number().finite(), zoom: z.number().finite().min(0.05).max(10) }).strict().nullable(),
  })
  .strict();
export type PresenterView = z.infer<typeof PresenterViewSchema>;

export const PollChoiceSchema = z.object({ id: z.string().min(1).max(40), label: z.string().min(1).max(200) }).strict();

/** The presenter opens a poll: typed on the spot, or a lesson step's prediction (then question and choices come from it). */
export const PollOpenBodySchema = z.union([
  z.object({ question: z.string().trim().min(1).max(300), choices: z.array(PollChoiceSchema).min(2).max(8) }).strict(),
  z.object({ lessonId: z.string().max(60), stepId: z.string().max(60) }).strict(),
]);
export type PollOpenBody = z.infer<typeof PollOpenBodySchema>;

export const VoteBodySchema = z.object({ pollId: z.string().max(40), choice: z.string().max(40) }).strict();
export type VoteBody = z.infer<typeof VoteBodySchema>;

export const PollViewSchema = z.object({
  id: z.string(),
  question: z.string(),
  choices: z.array(PollChoiceSchema),
  state: z.enum(["open", "closed", "revealed"]),
  votes: z.number().int(),
  /** Votes per choice id; null until the presenter reveals them. */
  tally: z.record(z.string(), z.number().int()).nullable(),
  /** What the sandbox measured, in words, filled at the reveal. */
  measured: z.string().nullable(),
  /** The lesson step the question came from, if any. */
  source: z.object({ lessonId: z.string(), stepId: z.string() }).nullable(),
  /** Which round this is: 2 once the poll was asked again after a discussion. */
  round: z.number().int(),
  /** The earlier rounds' tallies, shown with this one at the reveal; empty until then. */
  earlier: z.array(z.record(z.string(), z.number().int())),
});
export type PollView = z.infer<typeof PollViewSchema>;

/** What every page of the class is sent (broadcast on every change): the presenter's view travels on its own. */
export const ClassroomPublicSchema = z.object({
  joinCode: z.string(),
  viewers: z.object({ connected: z.number().int(), following: z.number().int() }),
  letClassShop: z.boolean(),
  poll: PollViewSchema.nullable(),
});
export type ClassroomPublic = z.infer<typeof ClassroomPublicSchema>;

/** GET /api/classroom: who am I, and the links (the presenter's own only to the presenter: it is the secret). */
export const ClassroomViewSchema = z.discriminatedUnion("enabled", [
  z.object({ enabled: z.literal(false) }),
  ClassroomPublicSchema.extend({
    enabled: z.literal(true),
    role: RoleSchema,
    audienceUrl: z.string(),
    presenterUrl: z.string().nullable(),
    /** This viewer's vote in the current poll, if any. */
    myVote: z.string().nullable(),
    view: PresenterViewSchema.nullable(),
  }),
]);
export type ClassroomView = z.infer<typeof ClassroomViewSchema>;

export const ShopPermissionBodySchema = z.object({ allowed: z.boolean() }).strict();

/** A socket message's answer: refused ones say why, with the HTTP status they would have had. */
export const SocketAckSchema = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), status: z.number().int(), error: z.string() })]);
export type SocketAck = z.infer<typeof SocketAckSchema>;
