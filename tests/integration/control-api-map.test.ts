// Every route of the control API's map (lib/contract/control-api.ts), called through the browser's own typed client
// against the real app in classroom mode (so the classroom's routes answer too): each reaches its handler, answers
// the map's success status, and its body has the shape the map gives. An example per route is a compile-time fact.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CONTROL_API, controlPath, successStatus, type ControlAnswer, type ControlRouteName, type JsonRouteName, type OptionalWhenEmpty, type PathOptions } from "../../lib/contract/control-api";
import { DEFAULT_RESILIENCE } from "../../lib/contract/resilience";
import { callControl, type CallOptions } from "../../lib/client/sandbox-api";
import { startApp, type RunningApp } from "./support/app";
import { rawRequest } from "./support/raw-http";
import { requestJson } from "./support/http";
import type { LessonRun } from "../../lib/contract/lessons";
import { waitFor } from "./support/wait";

const TOKEN = "control-api-map-test-token-0123456789abcdef";
const PRESENTER = { authorization: `Bearer ${TOKEN}` };

let app: RunningApp;
/** Who the client's requests come from: the presenter, or a viewer who joined with the audience link (to vote). */
let visitor: Record<string, string> = PRESENTER;
/** The status of the last answer the client got (its result keeps only ok or not). */
let lastStatus = 0;

/** Opens the audience link as a browser does: the join code is exchanged for cookies. */
async function join(code: string): Promise<Record<string, string>> {
  const answer = await rawRequest(app.origin, "GET", `/?join=${code}`, { accept: "text/html" });
  expect(answer.status).toBe(303);
  const cookies = ([] as string[]).concat(answer.headers["set-cookie"] ?? []);
  return { cookie: cookies.map((cookie) => cookie.split(";")[0]).join("; ") };
}

beforeAll(async () => {
  app = await startApp({ env: { SANDBOX_CLASSROOM: "1", SANDBOX_PRESENTER_TOKEN: TOKEN }, readHeaders: PRESENTER });
  // The client asks for paths of its own origin, as a page does: here they go to the app, as the visitor of the moment.
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const response = await realFetch(new URL(input, app.origin), { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...visitor } });
    lastStatus = response.status;
    return response;
  });
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await app?.stop();
});

interface Example<K extends ControlRouteName> {
  route: K;
  run(): Promise<void>;
}

/** A JSON route, asked through callControl with the options given when it runs, as the presenter unless `who` says. */
function json<K extends JsonRouteName>(route: K, options: () => CallOptions<K>, check: (answer: ControlAnswer<K>) => void, who?: () => Promise<Record<string, string>>): Example<K> {
  return {
    route,
    async run() {
      visitor = who ? await who() : PRESENTER;
      const answer = await callControl(route, ...([options()] as OptionalWhenEmpty<CallOptions<K>>));
      expect(answer).toMatchObject({ ok: true });
      expect(lastStatus).toBe(successStatus(route));
      check((answer as { data: ControlAnswer<K> }).data);
    },
  };
}

/** A route that answers a file: fetched from the path the page would link to. */
function file<K extends Exclude<ControlRouteName, JsonRouteName>>(route: K, options: () => PathOptions<K>, check: (response: Response, bytes: Buffer) => void): Example<K> {
  return {
    route,
    async run() {
      visitor = PRESENTER;
      const response = await fetch(controlPath(route, ...([options()] as OptionalWhenEmpty<PathOptions<K>>)));
      expect(response.status).toBe(successStatus(route));
      check(response, Buffer.from(await response.arrayBuffer()));
    },
  };
}

const none = () => ({});
let faultId = "";
let pollId = "";
let joinCode = "";
const SCENARIO = "slow-dependency";
const LESSON = "order-journey";
const PREDICTED_STEP = "follow-events";
const LOOK_BACK_STEP = "look-back";
const DIAGNOSIS = "who-broke-the-shop";
let markedAt = 0;

/**
 * One example per route, run in this order: reads first, then what changes things and puts them back, the lesson and
 * the scenario (each stopped again), the audience link's rotation after the vote, and the reset last of all.
 */
const EXAMPLES: { [K in ControlRouteName]: Example<K> } = {
  sandbox: json("sandbox", none, (state) => {
    expect(state.services.map((service) => service.id)).toContain("payment-service");
    expect(state.architecture).toBe("microservices");
  }),
  resilience: json("resilience", none, ({ resilience }) => expect(typeof resilience.timeouts).toBe("boolean")),
  audit: json("audit", none, (audits) => expect(audits.find((audit) => audit.stack === "microservices")?.problems).toEqual([])),
  database: json("database", () => ({ params: { id: "order-service" } }), ({ database }) => {
    expect(database.service).toBe("order-service");
    expect(Array.isArray(database.tables)).toBe(true);
  }),
  faults: json("faults", none, ({ faults }) => expect(faults).toEqual([])),
  traffic: json("traffic", none, ({ traffic }) => expect(traffic.running).toBe(false)),
  metrics: json("metrics", none, (metrics) => {
    expect(metrics.services.length).toBeGreaterThan(0);
    expect(metrics.stacks.map((stack) => stack.stack)).toContain("microservices");
  }),
  compare: json("compare", none, (comparison) => {
    expect(comparison.stacks.find((stack) => stack.stack === "microservices")?.running).toBe(true);
    expect(Array.isArray(comparison.reading)).toBe(true);
  }),
  scenarios: json("scenarios", none, (view) => {
    expect(view.scenarios.map((scenario) => scenario.id)).toContain(SCENARIO);
    expect(view.active).toBeNull();
  }),
  lessons: json("lessons", none, ({ lessons }) => expect(lessons.find((lesson) => lesson.id === LESSON)?.steps.map((step) => step.id)).toContain(PREDICTED_STEP)),
  recording: file("recording", () => ({ query: { seconds: 60 } }), (response, bytes) => {
    expect(response.headers.get("content-type")).toBe("application/gzip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="sandbox-run-.+\.jsonl\.gz"$/);
    expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  }),
  recordingOtlp: json("recordingOtlp", () => ({ query: { seconds: 60 } }), (otlp) => expect(Array.isArray(otlp.resourceSpans)).toBe(true)),
  setResilience: json("setResilience", () => ({ body: { retries: 1 } }), ({ resilience }) => expect(resilience.retries).toBe(1)),
  setArchitecture: json("setArchitecture", () => ({ body: { architecture: "microservices" } }), (state) => expect(state.architecture).toBe("microservices")),
  serviceAction: json("serviceAction", () => ({ params: { id: "payment-service", action: "restart-policy" }, body: { restart: "on-failure" } }), ({ service }) => {
    expect(service?.id).toBe("payment-service");
    expect(service?.restartPolicy).toBe("on-failure");
  }),
  addFault: json("addFault", () => ({ body: { service: "payment-service", type: "latency", ms: 50 } }), ({ fault }) => {
    expect(fault).toMatchObject({ service: "payment-service", type: "latency", ms: 50 });
    faultId = fault.id;
  }),
  removeFault: json("removeFault", () => ({ params: { id: faultId } }), ({ faults }) => expect(faults).toEqual([])),
  clearFaults: json("clearFaults", none, ({ faults }) => expect(faults).toEqual([])),
  startTraffic: json("startTraffic", () => ({ body: { rps: 1, durationS: 30 } }), ({ traffic }) => expect(traffic.running).toBe(true)),
  stopTraffic: json("stopTraffic", none, ({ traffic }) => expect(traffic.running).toBe(false)),
  startLesson: json("startLesson", () => ({ params: { id: LESSON }, body: { step: PREDICTED_STEP } }), ({ run }) => {
    expect(run.lessonId).toBe(LESSON);
    expect(run.steps[run.stepIndex].id).toBe(PREDICTED_STEP);
  }),
  lessonRun: json("lessonRun", none, ({ run }) => expect(run?.lessonId).toBe(LESSON)),
  predict: json("predict", () => ({ body: { step: PREDICTED_STEP, choice: "later" } }), ({ run }) => expect(run.steps[run.stepIndex].prediction?.choice).toBe("later")),
  showMe: json("showMe", () => ({ body: {} }), ({ run }) => expect(run?.error).toBeNull()),
  // Marked once "Show me" has finished the step before it: the lesson's look back is open then.
  markMoment: json(
    "markMoment",
    () => ({ body: { step: LOOK_BACK_STEP, at: markedAt } }),
    ({ run }) => expect(run.steps[run.stepIndex]).toMatchObject({ id: LOOK_BACK_STEP, moment: markedAt }),
    async () => {
      await waitFor("the look-back step to open", async () => {
        const { body } = await requestJson<{ run: LessonRun | null }>(`${app.origin}${controlPath("lessonRun")}`, { headers: PRESENTER });
        return body.run?.steps.find((step) => step.id === LOOK_BACK_STEP)?.status === "active";
      }, { timeoutMs: 30_000 });
      markedAt = Date.now() - 1;
      return PRESENTER;
    },
  ),
  restoreLesson: json("restoreLesson", () => ({ body: {} }), ({ run }) => expect(run?.lessonId).toBe(LESSON)),
  // A diagnosis challenge started first (its culprit hidden at random): a guess naming no culprit it could hide is wrong.
  guessCulprit: json(
    "guessCulprit",
    () => ({ body: { service: "payment-service", type: "partition" } }),
    ({ run }) => expect(run.challenge).toMatchObject({ guesses: [{ service: "payment-service", type: "partition", right: false }], culprit: null }),
    async () => {
      const started = await requestJson<{ run: LessonRun | null }>(`${app.origin}${controlPath("startLesson", { params: { id: DIAGNOSIS } })}`, { method: "POST", body: {}, headers: PRESENTER, timeoutMs: 60_000 });
      expect(started.body.run?.lessonId).toBe(DIAGNOSIS);
      return PRESENTER;
    },
  ),
  challengeHint: json("challengeHint", () => ({ body: {} }), ({ run }) => expect(run.challenge?.hints).toBe(1)),
  stopLesson: json("stopLesson", () => ({ body: {} }), ({ run }) => expect(run).toBeNull()),
  startScenario: json("startScenario", () => ({ params: { id: SCENARIO } }), (view) => expect(view.active?.id).toBe(SCENARIO)),
  stopScenario: json("stopScenario", none, (view) => {
    expect(view.active).toBeNull();
    expect(view.last).toMatchObject({ id: SCENARIO, endedBy: "stop" });
  }),
  classroom: json("classroom", none, (view) => {
    expect(view).toMatchObject({ enabled: true, role: "presenter" });
    if (view.enabled) joinCode = view.joinCode;
  }),
  classroomQr: file("classroomQr", () => ({ query: { code: joinCode } }), (response, bytes) => {
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(bytes.toString("utf8")).toMatch(/^<svg/);
  }),
  letClassShop: json("letClassShop", () => ({ body: { allowed: true } }), (view) => expect(view).toMatchObject({ enabled: true, letClassShop: true })),
  openPoll: json("openPoll", () => ({ body: { question: "Which?", choices: [{ id: "a", label: "A" }, { id: "b", label: "B" }] } }), (view) => {
    expect(view).toMatchObject({ enabled: true, poll: { state: "open", votes: 0 } });
    if (view.enabled) pollId = view.poll!.id;
  }),
  vote: json("vote", () => ({ body: { pollId, choice: "a" } }), (view) => expect(view).toMatchObject({ enabled: true, role: "audience", myVote: "a" }), () => join(joinCode)),
  closePoll: json("closePoll", none, (view) => expect(view).toMatchObject({ poll: { state: "closed", votes: 1 } })),
  revealPoll: json("revealPoll", none, (view) => expect(view).toMatchObject({ poll: { state: "revealed", tally: { a: 1, b: 0 } } })),
  askPollAgain: json("askPollAgain", none, (view) => expect(view).toMatchObject({ poll: { state: "open", round: 2, votes: 0, tally: null, earlier: [] } })),
  rotateAudience: json("rotateAudience", none, (view) => {
    expect(view).toMatchObject({ enabled: true, joinCode: expect.any(String) });
    if (view.enabled) expect(view.joinCode).not.toBe(joinCode);
  }),
  reset: json("reset", () => ({ body: {} }), (state) => {
    expect(state.resilience).toEqual(DEFAULT_RESILIENCE);
    expect(state.services.find((service) => service.id === "payment-service")?.restartPolicy).toBe("never");
  }),
};

describe("every route of the control API's map", () => {
  for (const [name, example] of Object.entries(EXAMPLES) as Array<[ControlRouteName, Example<ControlRouteName>]>) {
    const { method, path } = CONTROL_API[name];
    it(`${name}: ${method} ${path} answers ${successStatus(name)} with the map's shape`, async () => {
      await example.run();
    });
  }

  it("the sandbox is whole again after the reset", async () => {
    await waitFor("every service to be healthy after the reset", async () => (await app.state()).services.every((service) => service.status === "healthy"), { timeoutMs: 60_000 });
  });
});
