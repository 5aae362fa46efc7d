// The control API as one typed map, like the socket's event map: every route's method and path, the body it takes
// and the answer it gives. The server's routes are keyed by its names (so each answer is checked against it) and match
// requests by its paths; the browser's client asks by name (so a path, a body or an answer cannot be guessed wrong).
import type { z } from "zod";
import type { ClassroomView, PollOpenBodySchema, ShopPermissionBodySchema, VoteBodySchema } from "./classroom";
import type { Comparison } from "./compare";
import type { ArchitectureBodySchema, Audit, Metrics, RedeployBodySchema, RestartPolicyBodySchema, SandboxState, ScaleBodySchema, ServiceView, TrafficBodySchema, TrafficView } from "./control";
import type { DatabaseView } from "./data-view";
import type { Fault, FaultBodySchema } from "./faults";
import type { GuessBodySchema, LessonList, LessonRun, LessonStartBodySchema, MomentBodySchema, PredictBodySchema } from "./lessons";
import type { OtlpExport } from "./otlp";
import type { Resilience } from "./resilience";
import type { ScenariosView } from "./scenarios";

export type ControlMethod = "GET" | "POST" | "DELETE";

/** An answer that is a file rather than JSON: a page links to it or reads its bytes, never parses it. */
export interface FileAnswer {
  readonly contentType: string;
  readonly bytes: Uint8Array | string;
}

/** What a route that takes no body accepts: nothing, or `{}`. */
export type EmptyBody = Record<string, never>;

/** How many seconds of the recorded past to take, 1 to 3600; all of it when absent. */
type RecordedSeconds = { seconds?: number };

interface RouteShape {
  method: ControlMethod;
  /** `:name` stands for one path segment, given encoded. */
  path: `/api${string}`;
  /** The status of a success, when it is not 200. */
  status?: 201;
  body?: unknown;
  query?: unknown;
  answer: unknown;
}

/** A type carried by the map with no value behind it (as socket.io's event maps carry theirs). */
const type = <T>(): T => undefined as unknown as T;

const viewed = { answer: type<ClassroomView>() };
const running = { answer: type<{ run: LessonRun | null }>() };

/** Every route, in the order the server tries them (a 405 names the allowed methods in this order). */
export const CONTROL_API = {
  sandbox: { method: "GET", path: "/api/sandbox", answer: type<SandboxState>() },
  setArchitecture: { method: "POST", path: "/api/sandbox/architecture", body: type<z.input<typeof ArchitectureBodySchema>>(), answer: type<SandboxState>() },
  reset: { method: "POST", path: "/api/sandbox/reset", body: type<EmptyBody>(), answer: type<SandboxState>() },
  resilience: { method: "GET", path: "/api/sandbox/resilience", answer: type<{ resilience: Resilience }>() },
  setResilience: { method: "POST", path: "/api/sandbox/resilience", body: type<Partial<Resilience>>(), answer: type<{ resilience: Resilience }>() },
  audit: { method: "GET", path: "/api/sandbox/audit", answer: type<Audit[]>() },
  serviceAction: {
    method: "POST",
    path: "/api/services/:id/:action",
    /** kill, stop and start take none; redeploy, scale and restart-policy their own. */
    body: type<z.input<typeof RedeployBodySchema> | z.input<typeof ScaleBodySchema> | z.input<typeof RestartPolicyBodySchema> | EmptyBody>(),
    answer: type<{ service?: ServiceView }>(),
  },
  database: { method: "GET", path: "/api/data/:id", answer: type<{ database: DatabaseView }>() },
  faults: { method: "GET", path: "/api/faults", answer: type<{ faults: Fault[] }>() },
  addFault: { method: "POST", path: "/api/faults", status: 201, body: type<z.input<typeof FaultBodySchema>>(), answer: type<{ fault: Fault }>() },
  clearFaults: { method: "DELETE", path: "/api/faults", answer: type<{ faults: Fault[] }>() },
  removeFault: { method: "DELETE", path: "/api/faults/:id", answer: type<{ faults: Fault[] }>() },
  traffic: { method: "GET", path: "/api/traffic", answer: type<{ traffic: TrafficView }>() },
  startTraffic: { method: "POST", path: "/api/traffic", body: type<z.input<typeof TrafficBodySchema>>(), answer: type<{ traffic: TrafficView }>() },
  stopTraffic: { method: "DELETE", path: "/api/traffic", answer: type<{ traffic: TrafficView }>() },
  metrics: { method: "GET", path: "/api/metrics", answer: type<Metrics>() },
  compare: { method: "GET", path: "/api/compare", answer: type<Comparison>() },
  scenarios: { method: "GET", path: "/api/scenarios", answer: type<ScenariosView>() },
  /** A saved-run file (gzipped JSON lines), downloaded or read by the Rewind screen. */
  recording: { method: "GET", path: "/api/recording", query: type<RecordedSeconds>(), answer: type<FileAnswer>() },
  recordingOtlp: { method: "GET", path: "/api/recording/otlp", query: type<RecordedSeconds>(), answer: type<OtlpExport>() },
  stopScenario: { method: "POST", path: "/api/scenarios/stop", answer: type<ScenariosView>() },
  startScenario: { method: "POST", path: "/api/scenarios/:id/start", answer: type<ScenariosView>() },
  lessons: { method: "GET", path: "/api/lessons", answer: type<LessonList>() },
  lessonRun: { method: "GET", path: "/api/lessons/run", ...running },
  showMe: { method: "POST", path: "/api/lessons/run/show-me", body: type<EmptyBody>(), ...running },
  predict: { method: "POST", path: "/api/lessons/run/predict", body: type<z.input<typeof PredictBodySchema>>(), answer: type<{ run: LessonRun }>() },
  markMoment: { method: "POST", path: "/api/lessons/run/moment", body: type<z.input<typeof MomentBodySchema>>(), answer: type<{ run: LessonRun }>() },
  guessCulprit: { method: "POST", path: "/api/lessons/run/guess", body: type<z.input<typeof GuessBodySchema>>(), answer: type<{ run: LessonRun }>() },
  challengeHint: { method: "POST", path: "/api/lessons/run/hint", body: type<EmptyBody>(), answer: type<{ run: LessonRun }>() },
  restoreLesson: { method: "POST", path: "/api/lessons/run/restore", body: type<EmptyBody>(), ...running },
  stopLesson: { method: "POST", path: "/api/lessons/run/stop", body: type<EmptyBody>(), answer: type<{ run: null }>() },
  startLesson: { method: "POST", path: "/api/lessons/:id/start", body: type<z.input<typeof LessonStartBodySchema>>(), answer: type<{ run: LessonRun }>() },
  // Classroom mode only (outside it, GET /api/classroom answers { enabled: false } and the rest are 404).
  classroom: { method: "GET", path: "/api/classroom", ...viewed },
  /** The audience link as a QR code (SVG); `code` only makes a new link a new image address. */
  classroomQr: { method: "GET", path: "/api/classroom/qr.svg", query: type<{ code?: string }>(), answer: type<FileAnswer>() },
  rotateAudience: { method: "POST", path: "/api/classroom/audience/rotate", ...viewed },
  letClassShop: { method: "POST", path: "/api/classroom/shop", body: type<z.input<typeof ShopPermissionBodySchema>>(), ...viewed },
  openPoll: { method: "POST", path: "/api/classroom/poll", status: 201, body: type<z.input<typeof PollOpenBodySchema>>(), ...viewed },
  vote: { method: "POST", path: "/api/classroom/vote", body: type<z.input<typeof VoteBodySchema>>(), ...viewed },
  closePoll: { method: "POST", path: "/api/classroom/poll/close", ...viewed },
  revealPoll: { method: "POST", path: "/api/classroom/poll/reveal", ...viewed },
  askPollAgain: { method: "POST", path: "/api/classroom/poll/again", ...viewed },
} as const satisfies Record<string, RouteShape>;

type Routes = typeof CONTROL_API;
export type ControlRouteName = keyof Routes;
export type ControlPath<K extends ControlRouteName> = Routes[K]["path"];
export type ControlAnswer<K extends ControlRouteName> = Routes[K]["answer"];
export type ControlBody<K extends ControlRouteName> = Routes[K] extends { body: infer B } ? B : undefined;
export type ControlQuery<K extends ControlRouteName> = Routes[K] extends { query: infer Q } ? Q : undefined;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<Rest> : P extends `${string}:${infer Name}` ? Name : never;
export type ControlParams<K extends ControlRouteName> = { [Name in ParamNames<ControlPath<K>>]: string };

/** The routes /api/classroom answers in classroom mode, and the sandbox's own. */
export type ClassroomRouteName = { [K in ControlRouteName]: ControlPath<K> extends `/api/classroom${string}` ? K : never }[ControlRouteName];
export type SandboxRouteName = Exclude<ControlRouteName, ClassroomRouteName>;
/** The routes that answer JSON: the ones a client reads rather than links to. */
export type JsonRouteName = { [K in ControlRouteName]: ControlAnswer<K> extends FileAnswer ? never : K }[ControlRouteName];

const ROUTE_NAMES = Object.keys(CONTROL_API) as ControlRouteName[];
const isClassroomRoute = (name: ControlRouteName) => CONTROL_API[name].path.startsWith("/api/classroom");
export const CLASSROOM_ROUTE_NAMES = ROUTE_NAMES.filter(isClassroomRoute) as ClassroomRouteName[];
export const SANDBOX_ROUTE_NAMES = ROUTE_NAMES.filter((name) => !isClassroomRoute(name)) as SandboxRouteName[];

/** The status a route answers with when it did what was asked. */
export const successStatus = (name: ControlRouteName): number => (CONTROL_API[name] as RouteShape).status ?? 200;

/** What a path needs besides the route's name: its `:params` when it has any, and its query when it takes one. */
export type PathOptions<K extends ControlRouteName> = ([ParamNames<ControlPath<K>>] extends [never] ? { params?: undefined } : { params: ControlParams<K> }) &
  (ControlQuery<K> extends undefined ? { query?: undefined } : { query?: ControlQuery<K> });
/** The options as arguments: left out when nothing in them is required. */
export type OptionalWhenEmpty<T> = {} extends T ? [options?: T] : [options: T];

/** The concrete path of a route: each param encoded into its segment, the query's given values appended. */
export function controlPath<K extends ControlRouteName>(name: K, ...[options]: OptionalWhenEmpty<PathOptions<K>>): string {
  const given = options as { params?: Record<string, string | undefined>; query?: Record<string, unknown> } | undefined;
  const params = given?.params ?? {};
  const path = CONTROL_API[name].path.replace(/:([A-Za-z]+)/g, (_, param: string) => {
    const value = params[param];
    if (value === undefined || value === "") throw new Error(`${name} needs a value for :${param} in ${CONTROL_API[name].path}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(given?.query ?? {})) if (value !== undefined) query.set(key, String(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** Each route's path as a pattern over a decoded path: a `:param` is one segment, given back by name. */
const PATTERNS = new Map(
  ROUTE_NAMES.map((name) => {
    const segments = CONTROL_API[name].path.split("/");
    const params = segments.filter((segment) => segment.startsWith(":")).map((segment) => segment.slice(1));
    const pattern = new RegExp(`^${segments.map((segment) => (segment.startsWith(":") ? "([^/]+)" : escapeRegExp(segment))).join("\\/")}$`);
    return [name, { pattern, params }];
  }),
);

export interface RouteMatch<K extends ControlRouteName> {
  name: K;
  method: ControlMethod;
  params: Record<string, string>;
}

/** The routes among `names` whose path matches, in their order: one per method the path allows. */
export function routesMatching<K extends ControlRouteName>(names: readonly K[], pathname: string): Array<RouteMatch<K>> {
  return names.flatMap((name) => {
    const { pattern, params } = PATTERNS.get(name)!;
    const match = pattern.exec(pathname);
    if (!match) return [];
    return [{ name, method: CONTROL_API[name].method, params: Object.fromEntries(params.map((param, index) => [param, match[index + 1]])) }];
  });
}
