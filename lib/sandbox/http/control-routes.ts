// The sandbox control API: a request listener that answers the routes of lib/contract/control-api.ts (all but the
// classroom's) before Next sees them. It validates every body against the contract and only ever acts on services
// the sandbox knows; nothing from a request becomes a command or a path.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { SANDBOX_ROUTE_NAMES, routesMatching, successStatus, type ControlAnswer, type ControlParams, type FileAnswer, type SandboxRouteName } from "../../contract/control-api";
import { ArchitectureBodySchema, RedeployBodySchema, RestartPolicyBodySchema, SERVICE_ROUTE_ACTIONS, ScaleBodySchema, TrafficBodySchema, type ServiceRouteAction } from "../../contract/control";
import { FaultBodySchema } from "../../contract/faults";
import { GuessBodySchema, LessonStartBodySchema, MomentBodySchema, PredictBodySchema } from "../../contract/lessons";
import { ResilienceSchema } from "../../contract/resilience";
import { databaseOf } from "../metrics/audit";
import { readDatabaseView } from "../data/database-view";
import { BROKER_ID, MONOLITH_ID, ServiceIdSchema } from "../../contract/services";
import { BROKER_REFUSALS } from "../../contract/lifecycle";
import type { Sandbox } from "../sandbox";
import { declaredTooLarge, parseJsonText, readLimited } from "./body-limit";
import type { Instruments } from "../instruments";
import { ActionRefused, badRequest, notFound } from "../refused";

/** No control body needs more; a larger one is a 413 before it is parsed. */
export const CONTROL_MAX_BODY_BYTES = 16 * 1024;

/** A file to download rather than JSON to read (a saved run). */
export class Download implements FileAnswer {
  constructor(readonly bytes: Buffer, readonly contentType: string, readonly filename: string) {}
}

/** Every answer is JSON but a download; a HEAD gets the same headers with no body. */
function send(response: ServerResponse, status: number, body: unknown, head = false): void {
  if (body instanceof Download) {
    response.writeHead(status, { "content-type": body.contentType, "content-disposition": `attachment; filename="${body.filename}"`, "cache-control": "no-store", "content-length": body.bytes.length });
    return void response.end(head ? undefined : body.bytes);
  }
  const payload = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(payload) });
  response.end(head ? undefined : payload);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const raw = await readLimited(request, CONTROL_MAX_BODY_BYTES);
  try {
    const parsed = parseJsonText(raw);
    return parsed.empty ? {} : parsed.value;
  } catch {
    throw badRequest("the request body is not valid JSON");
  }
}

/** Checks a body against its schema; the first problem becomes a 400 that names the field. */
function parse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw badRequest(`invalid ${what}: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
}

function noBody(body: unknown, what: string): void {
  if (typeof body !== "object" || body === null || Array.isArray(body) || Object.keys(body).length > 0) throw badRequest(`${what} takes no body`);
}

/** `?seconds=N`: how much of the recorded past to take (all of it when absent). */
function recordedSeconds(query: URLSearchParams): number | undefined {
  const raw = query.get("seconds");
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (!/^\d{1,4}$/.test(raw) || seconds < 1 || seconds > 3_600) throw badRequest("seconds must be a whole number from 1 to 3600");
  return seconds;
}
const stamp = () => new Date().toISOString().replace(/[:.]/g, "-");

/**
 * Whether this listener answers the path (as sent, before any `..` is resolved); everything else goes to Next.
 * Every /api path is the control API's, so an unknown or tricked one still gets a JSON answer.
 */
export const isControlPath = (pathname: string): boolean => pathname === "/api" || pathname.startsWith("/api/");

/** What a handler is given: the body is read only when it asks, so a refusal can come before it is. */
interface RouteContext<K extends SandboxRouteName> {
  sandbox: Sandbox;
  instruments: Instruments;
  body: () => Promise<unknown>;
  params: ControlParams<K>;
  query: URLSearchParams;
}
type Handler<K extends SandboxRouteName> = (context: RouteContext<K>) => ControlAnswer<K> | Promise<ControlAnswer<K>>;

const isRouteAction = (action: string): action is ServiceRouteAction => (SERVICE_ROUTE_ACTIONS as readonly string[]).includes(action);

/** One handler per route of the control API's map (lib/contract/control-api.ts), answering what the map says it does. */
export const CONTROL_HANDLERS: { [K in SandboxRouteName]: Handler<K> } = {
  sandbox: ({ sandbox }) => sandbox.state(),
  setArchitecture: async ({ sandbox, body }) => {
    const { architecture } = parse(ArchitectureBodySchema, await body(), "architecture body");
    await sandbox.setArchitecture(architecture);
    return sandbox.state();
  },
  reset: async ({ sandbox, instruments, body }) => {
    noBody(await body(), "reset");
    instruments.beforeReset();
    await sandbox.reset();
    return sandbox.state();
  },
  resilience: ({ sandbox }) => ({ resilience: sandbox.state().resilience }),
  setResilience: async ({ sandbox, body }) => {
    const next = parse(ResilienceSchema.partial().strict(), await body(), "resilience body");
    sandbox.setResilience({ ...sandbox.state().resilience, ...next });
    return { resilience: sandbox.state().resilience };
  },
  audit: ({ instruments }) => instruments.audit(),
  serviceAction: async ({ sandbox, body, params: { id, action } }) => {
    sandbox.supervisorOf(id); // 404 or 409 before the body is even read
    if (!isRouteAction(action)) throw notFound(`there is no action called ${action}: use ${SERVICE_ROUTE_ACTIONS.join(", ")}`);
    const raw = await body();
    if (action === "redeploy") await sandbox.redeploy(id, parse(RedeployBodySchema, raw, "redeploy body").strategy);
    else if (action === "scale") await sandbox.scale(id, parse(ScaleBodySchema, raw, "scale body").replicas);
    else if (action === "restart-policy") sandbox.setRestartPolicy(id, parse(RestartPolicyBodySchema, raw, "restart-policy body").restart);
    else {
      noBody(raw, action);
      await (action === "kill" ? sandbox.kill(id) : action === "stop" ? sandbox.stop(id) : sandbox.startService(id));
    }
    return { service: sandbox.state().services.find((service) => service.id === id) };
  },
  database: ({ sandbox, params: { id } }) => {
    if (id === BROKER_ID) throw notFound("redis keeps no tables: its queues are in the queue inspector");
    sandbox.supervisorOf(id); // 404 for an unknown service, 409 for one of a stack that is not running
    const service = sandbox.state().services.find((candidate) => candidate.id === id)!;
    return { database: readDatabaseView(id, databaseOf(sandbox.dataDir, service.stack, id)) };
  },
  faults: ({ sandbox }) => ({ faults: sandbox.faults.list() }),
  addFault: async ({ sandbox, body }) => {
    const raw = await body();
    const service = (raw as { service?: unknown } | null)?.service;
    if (typeof service === "string" && !ServiceIdSchema.safeParse(service).success) throw notFound(`there is no service called ${service}`);
    if (service === BROKER_ID) throw badRequest(BROKER_REFUSALS.fault);
    if (service === MONOLITH_ID) throw badRequest("faults target a module of the shop (e.g. payment-service); monolith is not one: in the monolith, a fault on a module hits it inside the one process");
    const fault = sandbox.faults.add(parse(FaultBodySchema, raw, "fault"));
    return { fault };
  },
  clearFaults: ({ sandbox }) => (sandbox.faults.clear(), { faults: [] }),
  removeFault: ({ sandbox, params: { id } }) => {
    if (!sandbox.faults.remove(id)) throw notFound(`there is no fault ${id}`);
    return { faults: sandbox.faults.list() };
  },
  traffic: ({ instruments }) => ({ traffic: instruments.traffic.view() }),
  startTraffic: async ({ instruments, body }) => ({ traffic: instruments.traffic.start(parse(TrafficBodySchema, await body(), "traffic body")) }),
  stopTraffic: ({ instruments }) => ({ traffic: instruments.traffic.stop() }),
  metrics: ({ instruments }) => instruments.metrics(),
  compare: ({ instruments }) => instruments.compare(),
  scenarios: ({ instruments }) => instruments.scenarios.view(),
  recording: async ({ instruments, query }) => new Download(await instruments.recording.file(recordedSeconds(query)), "application/gzip", `sandbox-run-${stamp()}.jsonl.gz`),
  recordingOtlp: ({ instruments, query }) => instruments.recording.otlp(recordedSeconds(query)),
  stopScenario: ({ instruments }) => instruments.scenarios.stop(),
  startScenario: ({ instruments, params: { id } }) => {
    if (!instruments.scenarios.has(id)) throw notFound(`there is no scenario called ${id}`);
    return instruments.scenarios.start(id);
  },
  lessons: ({ instruments }) => instruments.lessons.list(),
  lessonRun: ({ instruments }) => ({ run: instruments.lessons.view() }),
  showMe: async ({ instruments, body }) => (noBody(await body(), "show-me"), { run: await instruments.lessons.showMe() }),
  predict: async ({ instruments, body }) => {
    const { step, choice } = parse(PredictBodySchema, await body(), "prediction body");
    return { run: instruments.lessons.predict(step, choice) };
  },
  markMoment: async ({ instruments, body }) => {
    const { step, at } = parse(MomentBodySchema, await body(), "moment body");
    return { run: instruments.lessons.markMoment(step, at) };
  },
  guessCulprit: async ({ instruments, body }) => {
    const { service, type } = parse(GuessBodySchema, await body(), "guess body");
    return { run: instruments.lessons.guess(service, type) };
  },
  challengeHint: async ({ instruments, body }) => (noBody(await body(), "hint"), { run: instruments.lessons.hint() }),
  restoreLesson: async ({ instruments, body }) => (noBody(await body(), "restore"), { run: await instruments.lessons.restore() }),
  stopLesson: async ({ instruments, body }) => (noBody(await body(), "stop"), instruments.lessons.stop(), { run: null }),
  startLesson: async ({ instruments, body, params: { id } }) => {
    const { step } = parse(LessonStartBodySchema, await body(), "lesson start body");
    return { run: await instruments.lessons.start(id, step) };
  },
};

/** What the learner does to the sandbox: each one done counts against a challenge's par (reading, and the lesson's own buttons, do not). */
const COUNTED_ACTIONS: ReadonlySet<SandboxRouteName> = new Set(["setArchitecture", "setResilience", "addFault", "clearFaults", "removeFault", "startTraffic", "stopTraffic", "serviceAction", "startScenario", "stopScenario"]);

export function controlApi(sandbox: Sandbox, instruments: Instruments) {
  return async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    const method = request.method ?? "GET";
    const head = method === "HEAD";
    try {
      const tooLarge = declaredTooLarge(request, CONTROL_MAX_BODY_BYTES);
      if (tooLarge) throw tooLarge;
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        throw badRequest("the path is not valid");
      }
      const matches = routesMatching(SANDBOX_ROUTE_NAMES, decoded);
      // HEAD answers as GET does, without the body.
      const found = matches.find((match) => match.method === (head ? "GET" : method));
      if (!found) {
        if (matches.length > 0) return send(response, 405, { error: `${method} is not allowed on ${pathname}: use ${matches.map((match) => match.method).join(" or ")}` }, head);
        return send(response, 404, { error: `no control API route for ${method} ${pathname}` }, head);
      }
      const query = new URL(request.url ?? "/", "http://app").searchParams;
      const handler: Handler<SandboxRouteName> = CONTROL_HANDLERS[found.name];
      const answer = await handler({ sandbox, instruments, body: () => readJson(request), params: found.params as ControlParams<SandboxRouteName>, query });
      if (COUNTED_ACTIONS.has(found.name)) instruments.lessons.countAction();
      return send(response, successStatus(found.name), answer, head);
    } catch (error) {
      if (!request.readableEnded) request.resume(); // an unread body is drained, so the answer reaches the caller
      if (error instanceof ActionRefused) return send(response, error.status, { error: error.message }, head);
      // Anything else is a bug: logged here in full, answered with a sentence and nothing of its insides.
      console.error("control API error", error);
      return send(response, 500, { error: "the sandbox could not carry out the request" }, head);
    }
  };
}
