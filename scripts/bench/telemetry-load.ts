// Telemetry delivered to a socket.io client at ≥ 10,000 events/s, fed two ways: driven directly through services
// (SIGUSR2, armed by SANDBOX_BENCH_TELEMETRY), or by several autocannon generators (their own processes) sending a
// shopper's real requests to every running stack's entry. A socket.io client here counts the events and times each
// from its own timestamp to its arrival.
import http from "node:http";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/contract/socket";
import type { HttpEvent, NumberedEvent } from "../../lib/contract/events";
import { percentile, waitFor, type RunningApp } from "./app";
import { state } from "./control";
import { generators, type LoadResult } from "./load";
import { BENCH_TELEMETRY_PATH } from "../../sandbox-services/runtime/src/telemetry-drive";
import { STOREFRONT_ROUTES, storefrontPath } from "../../lib/contract/storefront-paths";

/**
 * What the app is started with so the drive below can run: each service may push this many events/s, for this long.
 * Two services at 5,500 drive 11,000/s, a tenth above the goal: at exactly 10,000 the figure (events over the span
 * from the first to the last) came out a few events/s either side of it with the timers' jitter.
 */
export const DRIVE_PER_SERVICE = { perSecond: 5_500, seconds: 10 };
export const DRIVE_ENV = { SANDBOX_BENCH_TELEMETRY: `${DRIVE_PER_SERVICE.perSecond}:${DRIVE_PER_SERVICE.seconds}` };

interface Delivery {
  eventsPerSecond: number;
  /** Events the app must have reported over the window. */
  expected: number;
  received: number;
  /** Counted as dropped by the sandbox itself (a busy service or the hub) during the window. */
  dropped: number;
  p50Ms: number;
  p95Ms: number;
}

/** A socket.io client of the app, once its snapshot came: the sandbox's count of dropped events then. */
async function connect(app: RunningApp): Promise<{ socket: Socket<ServerToClientEvents, ClientToServerEvents>; droppedBefore: number }> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(app.baseUrl, { transports: ["websocket"] });
  const droppedBefore = await new Promise<number>((resolve) => socket.once("snapshot", (snapshot) => resolve(snapshot.state.droppedEvents)));
  return { socket, droppedBefore };
}

/**
 * The HTTP events arriving on `socket`: each is shown to `seen`; those `counted` are counted, their timestamps' span
 * kept, and each timed from its own timestamp (where it happened) to its arrival here.
 */
function timeArrivals(socket: Socket<ServerToClientEvents, ClientToServerEvents>, counted: (event: HttpEvent) => boolean, seen: (event: HttpEvent) => void = () => {}) {
  const arrivals = { received: 0, first: Infinity, last: 0, latencies: [] as number[] };
  socket.on("events", (batch: NumberedEvent[]) => {
    const now = Date.now();
    for (const event of batch) {
      if (event.type !== "http") continue;
      seen(event);
      if (!counted(event)) continue;
      arrivals.received++;
      arrivals.first = Math.min(arrivals.first, event.ts);
      arrivals.last = Math.max(arrivals.last, event.ts);
      arrivals.latencies.push(now - event.ts);
    }
  });
  return arrivals;
}

export interface TelemetryFigures extends Delivery {
  /** Requests the client saw events of, and of them those the generators counted as answered before they stopped. */
  requestsSeen: number;
  answered: number;
  /** What the generators achieved, per stack entry. */
  loads: Array<{ stack: string; eventsPerRequest: number; result: LoadResult }>;
}

/** The trace id a storefront answer carries back, to count the events one request makes. */
function traceOf(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, (response) => {
      response.resume();
      const traceparent = String(response.headers.traceparent ?? "");
      response.on("end", () => (response.statusCode === 200 ? resolve(traceparent.split("-")[1]) : reject(new Error(`${url}: ${response.statusCode}`))));
    }).on("error", reject);
  });
}

/** `GET /api/products` at each running stack's entry: the entry's answer and its call to the catalogue, 2 events a request. */
export async function measureTelemetryLoad(app: RunningApp, targetEventsPerSecond = 10_000, seconds = 10): Promise<TelemetryFigures> {
  const { socket, droppedBefore } = await connect(app);
  const byTrace = new Map<string, number>();
  let windowStart = Infinity;
  // The window's events by trace: one trace is one request, so whole and partial requests can be told apart.
  const windowTraces = new Map<string, { stack: string; events: number }>();
  // Only the load's own requests count (their calls all end in /products): anything else the app does meanwhile is
  // not what the generators sent.
  const inWindow = (event: HttpEvent) => {
    if (event.ts < windowStart || !event.path.endsWith("/products")) return false;
    const trace = windowTraces.get(event.traceId) ?? { stack: event.stack, events: 0 };
    windowTraces.set(event.traceId, { ...trace, events: trace.events + 1 });
    return true;
  };
  const arrivals = timeArrivals(socket, inWindow, (event) => byTrace.set(event.traceId, (byTrace.get(event.traceId) ?? 0) + 1));

  const stacks = (await state(app)).stacks.filter((stack) => stack.storefrontUrl);
  const targets: Array<{ stack: string; url: string; eventsPerRequest: number }> = [];
  for (const stack of stacks) {
    const url = `${stack.storefrontUrl}${storefrontPath(STOREFRONT_ROUTES.products)}`;
    const probe = await traceOf(url);
    const eventsPerRequest = await waitFor(`the events of one ${stack.id} request`, async () => {
      const count = byTrace.get(probe) ?? 0;
      return count >= 2 ? count : undefined;
    }, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 200)); // let a late event of the probe arrive before the window
    targets.push({ stack: stack.id, url, eventsPerRequest: byTrace.get(probe) ?? eventsPerRequest });
  }

  const rateOf = (target: { eventsPerRequest: number }) => Math.ceil(targetEventsPerSecond / targets.length / target.eventsPerRequest);
  windowStart = Date.now();
  const results = await generators(targets.map((target) => ({ url: target.url, seconds, rate: rateOf(target), connections: 32 })));
  // A generator counts only the answers it got before it stopped; the requests still in flight then (up to one per
  // connection) are served and reported too. So the events the app must have sent are those of every request the
  // client saw a part of, plus every event of answered requests it saw nothing of, if any: a count that can only be
  // short by the in-flight requests lost whole, never long.
  const answered = results.reduce((sum, result) => sum + result.requests, 0);
  const perRequest = new Map(targets.map((target) => [target.stack, target.eventsPerRequest]));
  const mustHaveSent = () => {
    const seen = [...windowTraces.values()];
    const unseenAnswered = Math.max(0, answered - seen.length);
    return seen.reduce((sum, trace) => sum + Math.max(perRequest.get(trace.stack) ?? 0, trace.events), 0) + unseenAnswered * Math.min(...perRequest.values());
  };
  await waitFor("every event of the window", async () => (arrivals.received >= mustHaveSent() ? true : undefined), 10_000).catch(() => undefined);
  const expected = mustHaveSent();
  const dropped = (await state(app)).droppedEvents - droppedBefore;
  socket.disconnect();
  return {
    // Over the span the events themselves cover: the window also holds the generators' own start and exit.
    eventsPerSecond: arrivals.received / Math.max(0.001, (arrivals.last - arrivals.first) / 1000),
    expected,
    received: arrivals.received,
    dropped,
    p50Ms: percentile(arrivals.latencies, 50),
    p95Ms: percentile(arrivals.latencies, 95),
    requestsSeen: windowTraces.size,
    answered,
    loads: targets.map((target, i) => ({ stack: target.stack, eventsPerRequest: target.eventsPerRequest, result: results[i] })),
  };
}

export interface DriveFigures extends Delivery {
  p99Ms: number;
  services: string[];
}

/**
 * Telemetry driven directly through services (the other way to produce the load, beyond what generators reach): two services of the running
 * stack, started with DRIVE_ENV, each get SIGUSR2 and push DRIVE_PER_SERVICE events/s for 10 s through their real IPC channel; the
 * server checks, numbers, records and broadcasts them as any other. A socket.io client here counts them and times each
 * from its timestamp in the service to its arrival.
 */
export async function measureTelemetryDrive(app: RunningApp, serviceIds = ["product-service", "user-service"]): Promise<DriveFigures> {
  const { socket, droppedBefore } = await connect(app);
  const arrivals = timeArrivals(socket, (event) => event.path === BENCH_TELEMETRY_PATH);
  const services = (await state(app)).services.filter((service) => serviceIds.includes(service.id));
  const pids = services.flatMap((service) => service.instances.map((instance) => instance.pid).filter((pid): pid is number => pid !== null));
  if (pids.length !== serviceIds.length) throw new Error(`telemetry drive: expected one running process for each of ${serviceIds.join(", ")}`);
  for (const pid of pids) process.kill(pid, "SIGUSR2");
  const expected = pids.length * DRIVE_PER_SERVICE.perSecond * DRIVE_PER_SERVICE.seconds;
  await waitFor("every driven event", async () => (arrivals.received >= expected ? true : undefined), (DRIVE_PER_SERVICE.seconds + 10) * 1000, 50).catch(() => undefined);
  const dropped = (await state(app)).droppedEvents - droppedBefore;
  socket.disconnect();
  return {
    eventsPerSecond: arrivals.received / Math.max(0.001, (arrivals.last - arrivals.first) / 1000),
    expected,
    received: arrivals.received,
    dropped,
    p50Ms: percentile(arrivals.latencies, 50),
    p95Ms: percentile(arrivals.latencies, 95),
    p99Ms: percentile(arrivals.latencies, 99),
    services: serviceIds,
  };
}
