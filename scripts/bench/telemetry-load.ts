// Telemetry delivered to a socket.io client at ≥ 10,000 events/s: several autocannon generators (their own
// processes) send a shopper's real requests to every running stack's entry at a fixed rate, and a socket.io client
// here counts the events of that window and times each from the call's own timestamp to its arrival.
import http from "node:http";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/contract/socket";
import type { NumberedEvent } from "../../lib/contract/events";
import { percentile, waitFor, type RunningApp } from "./app";
import { state } from "./control";
import { generators, type LoadResult } from "./load";

export interface TelemetryFigures {
  eventsPerSecond: number;
  expected: number;
  received: number;
  /** Counted as dropped by the sandbox itself (a busy service or the hub) during the window. */
  dropped: number;
  p50Ms: number;
  p95Ms: number;
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
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(app.baseUrl, { transports: ["websocket"] });
  let droppedBefore = 0;
  await new Promise<void>((resolve) => socket.once("snapshot", (snapshot) => ((droppedBefore = snapshot.state.droppedEvents), resolve())));
  const byTrace = new Map<string, number>();
  let windowStart = Infinity;
  let windowEnd = Infinity;
  let received = 0;
  const latencies: number[] = [];
  socket.on("events", (batch: NumberedEvent[]) => {
    const now = Date.now();
    for (const event of batch) {
      if (event.type !== "http") continue;
      byTrace.set(event.traceId, (byTrace.get(event.traceId) ?? 0) + 1);
      if (event.ts < windowStart || event.ts > windowEnd) continue;
      received++;
      latencies.push(now - event.ts);
    }
  });

  const stacks = (await state(app)).stacks.filter((stack) => stack.storefrontUrl);
  const targets: Array<{ stack: string; url: string; eventsPerRequest: number }> = [];
  for (const stack of stacks) {
    const url = `${stack.storefrontUrl}/api/products`;
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
  windowEnd = Date.now();
  const expected = results.reduce((sum, result, i) => sum + result.requests * targets[i].eventsPerRequest, 0);
  await waitFor("every event of the window", async () => (received >= expected ? true : undefined), 10_000).catch(() => undefined);
  const dropped = (await state(app)).droppedEvents - droppedBefore;
  socket.disconnect();
  return {
    eventsPerSecond: received / ((windowEnd - windowStart) / 1000),
    expected,
    received,
    dropped,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    loads: targets.map((target, i) => ({ stack: target.stack, eventsPerRequest: target.eventsPerRequest, result: results[i] })),
  };
}
