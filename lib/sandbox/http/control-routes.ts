// The sandbox control API: a request listener that answers /api/sandbox, /api/services, /api/faults, /api/traffic,
// /api/metrics and /api/scenarios before Next sees them. It validates every body against the contract and only
// ever acts on services the sandbox knows; nothing from a request becomes a command or a path.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { ArchitectureBodySchema, RedeployBodySchema, RestartPolicyBodySchema, SERVICE_ROUTE_ACTIONS, ScaleBodySchema, TrafficBodySchema, type ServiceRouteAction } from "../../contract/control";
import { FaultBodySchema } from "../../contract/faults";
import { LessonStartBodySchema, PredictBodySchema } from "../../contract/lessons";
import { ResilienceSchema } from "../../contract/resilience";
import { lessonList } from "../../lessons/lessons";
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
export class Download {
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

type Route = (context: { sandbox: Sandbox; instruments: Instruments; body: () => Promise<unknown>; params: string[]; query: URLSearchParams }) => Promise<[number, unknown]> | [number, unknown];

const isRouteAction = (action: string): action is ServiceRouteAction => (SERVICE_ROUTE_ACTIONS as readonly string[]).includes(action);

const routes: Array<[method: string, pattern: RegExp, route: Route]> = [
  ["GET", /^\/api\/sandbox$/, ({ sandbox }) => [200, sandbox.state()]],
  ["POST", /^\/api\/sandbox\/architecture$/, async ({ sandbox, body }) => {
    const { architecture } = parse(ArchitectureBodySchema, await body(), "architecture body");
    await sandbox.setArchitecture(architecture);
    return [200, sandbox.state()];
  }],
  ["POST", /^\/api\/sandbox\/reset$/, async ({ sandbox, instruments, body }) => {
    noBody(await body(), "reset");
    instruments.beforeReset();
    await sandbox.reset();
    return [200, sandbox.state()];
  }],
  ["GET", /^\/api\/sandbox\/resilience$/, ({ sandbox }) => [200, { resilience: sandbox.state().resilience }]],
  ["POST", /^\/api\/sandbox\/resilience$/, async ({ sandbox, body }) => {
    const next = parse(ResilienceSchema.partial().strict(), await body(), "resilience body");
    sandbox.setResilience({ ...sandbox.state().resilience, ...next });
    return [200, { resilience: sandbox.state().resilience }];
  }],
  ["GET", /^\/api\/sandbox\/audit$/, async ({ instruments }) => [200, await instruments.audit()]],
  ["POST", /^\/api\/services\/([^/]+)\/([^/]+)$/, async ({ sandbox, body, params: [id, action] }) => {
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
    return [200, { service: sandbox.state().services.find((service) => service.id === id) }];
  }],
  ["GET", /^\/api\/data\/([^/]+)$/, ({ sandbox, params: [id] }) => {
    if (id === BROKER_ID) throw notFound("redis keeps no tables: its queues are in the queue inspector");
    sandbox.supervisorOf(id); // 404 for an unknown service, 409 for one of a stack that is not running
    const service = sandbox.state().services.find((candidate) => candidate.id === id)!;
    return [200, { database: readDatabaseView(id, databaseOf(sandbox.dataDir, service.stack, id)) }];
  }],
  ["GET", /^\/api\/faults$/, ({ sandbox }) => [200, { faults: sandbox.faults.list() }]],
  ["POST", /^\/api\/faults$/, async ({ sandbox, body }) => {
    const raw = await body();
    const service = (raw as { service?: unknown } | null)?.service;
    if (typeof service === "string" && !ServiceIdSchema.safeParse(service).success) throw notFound(`there is no service called ${service}`);
    if (service === BROKER_ID) throw badRequest(BROKER_REFUSALS.fault);
    if (service === MONOLITH_ID) throw badRequest("faults target a module of the shop (e.g. payment-service); monolith is not one: in the monolith, a fault on a module hits it inside the one process");
    const fault = sandbox.faults.add(parse(FaultBodySchema, raw, "fault"));
    return [201, { fault }];
  }],
  ["DELETE", /^\/api\/faults$/, ({ sandbox }) => (sandbox.faults.clear(), [200, { faults: [] }])],
  ["DELETE", /^\/api\/faults\/([^/]+)$/, ({ sandbox, params: [id] }) => {
    if (!sandbox.faults.remove(id)) throw notFound(`there is no fault ${id}`);
    return [200, { faults: sandbox.faults.list() }];
  }],
  ["GET", /^\/api\/traffic$/, ({ instruments }) => [200, { traffic: instruments.traffic.view() }]],
  ["POST", /^\/api\/traffic$/, async ({ instruments, body }) => [200, { traffic: instruments.traffic.start(parse(TrafficBodySchema, await body(), "traffic body")) }]],
  ["DELETE", /^\/api\/traffic$/, ({ instruments }) => [200, { traffic: instruments.traffic.stop() }]],
  ["GET", /^\/api\/metrics$/, ({ instruments }) => [200, instruments.metrics()]],
  ["GET", /^\/api\/compare$/, ({ instruments }) => [200, instruments.compare()]],
  ["GET", /^\/api\/scenarios$/, ({ instruments }) => [200, instruments.scenarios.view()]],
  ["GET", /^\/api\/recording$/, async ({ instruments, query }) => [200, new Download(await instruments.recording.file(recordedSeconds(query)), "application/gzip", `sandbox-run-${stamp()}.jsonl.gz`)]],
  ["GET", /^\/api\/recording\/otlp$/, ({ instruments, query }) => [200, instruments.recording.otlp(recordedSeconds(query))]],
  ["POST", /^\/api\/scenarios\/stop$/, async ({ instruments }) => [200, await instruments.scenarios.stop()]],
  ["POST", /^\/api\/scenarios\/([^/]+)\/start$/, async ({ instruments, params: [id] }) => {
    if (!instruments.scenarios.has(id)) throw notFound(`there is no scenario called ${id}`);
    return [200, await instruments.scenarios.start(id)];
  }],
  ["GET", /^\/api\/lessons$/, () => [200, lessonList()]],
  ["GET", /^\/api\/lessons\/run$/, ({ instruments }) => [200, { run: instruments.lessons.view() }]],
  ["POST", /^\/api\/lessons\/run\/show-me$/, async ({ instruments, body }) => (noBody(await body(), "show-me"), [200, { run: await instruments.lessons.showMe() }])],
  ["POST", /^\/api\/lessons\/run\/predict$/, async ({ instruments, body }) => {
    const { step, choice } = parse(PredictBodySchema, await body(), "prediction body");
    return [200, { run: instruments.lessons.predict(step, choice) }];
  }],
  ["POST", /^\/api\/lessons\/run\/restore$/, async ({ instruments, body }) => (noBody(await body(), "restore"), [200, { run: await instruments.lessons.restore() }])],
  ["POST", /^\/api\/lessons\/run\/stop$/, async ({ instruments, body }) => (noBody(await body(), "stop"), instruments.lessons.stop(), [200, { run: null }])],
  ["POST", /^\/api\/lessons\/([^/]+)\/start$/, async ({ instruments, body, params: [id] }) => {
    const { step } = parse(LessonStartBodySchema, await body(), "lesson start body");
    return [200, { run: await instruments.lessons.start(id, step) }];
  }],
];

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
      const matches = routes.map(([routeMethod, pattern, route]) => ({ routeMethod, route, match: pattern.exec(decoded) })).filter(({ match }) => match);
      // HEAD answers as GET does, without the body.
      const found = matches.find(({ routeMethod }) => routeMethod === (head ? "GET" : method));
      if (!found) {
        if (matches.length > 0) return send(response, 405, { error: `${method} is not allowed on ${pathname}: use ${matches.map(({ routeMethod }) => routeMethod).join(" or ")}` }, head);
        return send(response, 404, { error: `no control API route for ${method} ${pathname}` }, head);
      }
      const query = new URL(request.url ?? "/", "http://app").searchParams;
      const [status, body] = await found.route({ sandbox, instruments, body: () => readJson(request), params: found.match!.slice(1), query });
      return send(response, status, body, head);
    } catch (error) {
      if (!request.readableEnded) request.resume(); // an unread body is drained, so the answer reaches the caller
      if (error instanceof ActionRefused) return send(response, error.status, { error: error.message }, head);
      // Anything else is a bug: logged here in full, answered with a sentence and nothing of its insides.
      console.error("control API error", error);
      return send(response, 500, { error: "the sandbox could not carry out the request" }, head);
    }
  };
}
