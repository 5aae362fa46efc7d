// The runtime's figures: start-up, a recreate redeploy, the cost of one gateway hop, memory, telemetry throughput.
import http from "node:http";
import { io } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/contract/socket";
import type { NumberedEvent } from "../../lib/contract/events";
import { allHealthy, commandName, ms, percentile, processTree, residentBytes, startApp, waitFor, type RunningApp } from "./app";

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { agent }, (response) => {
        response.resume();
        response.on("end", () => (response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${url}: ${response.statusCode}`))));
      })
      .on("error", reject);
  });
}

async function timeSequential(url: string, count: number): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < count; i++) durations.push(await get(url));
  return durations;
}

export async function measureStartup(port: number): Promise<{ app: RunningApp; figures: string[] }> {
  const started = performance.now();
  const app = startApp(port);
  await waitFor("every service healthy", async () => (allHealthy(await app.state()) ? true : undefined));
  return { app, figures: [`npm start → every service healthy: ${ms(performance.now() - started)} (goal < 5000 ms)`] };
}

export async function measureRedeploy(app: RunningApp, rounds = 5): Promise<string[]> {
  const durations: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}/api/services/product-service/redeploy`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    if (!response.ok) throw new Error(`redeploy failed: ${JSON.stringify(await response.json())}`);
    durations.push(performance.now() - started);
  }
  return [`recreate redeploy of product-service until the new instance is healthy: p50 ${ms(percentile(durations, 50))}, max ${ms(Math.max(...durations))} over ${rounds} (goal < 1000 ms)`];
}

export async function measureGatewayHop(app: RunningApp, count = 1_000): Promise<string[]> {
  const state = await app.state();
  const gateway = state.stacks[0].storefrontUrl!;
  const product = state.services.find((service) => service.id === "product-service")!.address!;
  await timeSequential(`${gateway}/api/products`, 100); // warm up both paths
  const direct = await timeSequential(`${product}/products`, count);
  const viaGateway = await timeSequential(`${gateway}/api/products`, count);
  const hop = percentile(viaGateway, 50) - percentile(direct, 50);
  return [
    `GET products straight from product-service: p50 ${ms(percentile(direct, 50))}, p95 ${ms(percentile(direct, 95))}`,
    `GET products through api-gateway:            p50 ${ms(percentile(viaGateway, 50))}, p95 ${ms(percentile(viaGateway, 95))}`,
    `one gateway hop adds at p50: ${ms(hop)} (goal < 2 ms)`,
  ];
}

/** The sandbox is the server process and everything under it; npm, which only launched it, is left out. */
export function measureMemory(app: RunningApp, serverPid: number): string[] {
  const pids = processTree(serverPid);
  const total = pids.reduce((sum, pid) => sum + residentBytes(pid), 0);
  const mb = (pid: number) => (residentBytes(pid) / 2 ** 20).toFixed(0);
  const each = pids.map((pid) => `${commandName(pid)} ${mb(pid)}`).join(", ");
  return [`whole sandbox resident memory: ${(total / 2 ** 20).toFixed(0)} MB in ${pids.length} processes (goal < 700 MB)`, `  MB each: ${each}`];
}

/** Fires GET /api/products at `rps` for `seconds` (each makes two HTTP events) and watches them arrive on a socket. */
export async function measureTelemetry(app: RunningApp, rps = 1_000, seconds = 5): Promise<string[]> {
  const socket = io(app.baseUrl, { transports: ["websocket"] }) as import("socket.io-client").Socket<ServerToClientEvents, ClientToServerEvents>;
  const latencies: number[] = [];
  let received = 0;
  const marker = `/api/products`;
  let droppedBefore = 0;
  await new Promise<void>((resolve) => socket.once("snapshot", (snapshot) => ((droppedBefore = snapshot.state.droppedEvents), resolve())));
  const windowStart = Date.now();
  socket.on("events", (batch: NumberedEvent[]) => {
    const now = Date.now();
    for (const event of batch) {
      if (event.type !== "http" || event.ts < windowStart) continue;
      if (event.path !== marker && event.path !== "/products") continue;
      received++;
      latencies.push(now - event.ts);
    }
  });
  const gateway = (await app.state()).stacks[0].storefrontUrl!;
  let completed = 0;
  let failed = 0;
  const total = rps * seconds;
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight.size >= 200) await Promise.race(inFlight); // bounded: never more than 200 open requests
    const call: Promise<void> = get(`${gateway}${marker}`).then(
      () => void completed++,
      () => void failed++,
    );
    const tracked = call.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  const expected = completed * 2;
  await waitFor("the events of every request", async () => (received >= expected ? true : undefined), 5_000).catch(() => undefined);
  const droppedAfter = (await app.state()).droppedEvents;
  socket.disconnect();
  return [
    `telemetry: ${completed} requests in ${elapsed.toFixed(1)} s (${failed} failed) → ${expected} HTTP events at ${(expected / elapsed).toFixed(0)} events/s (goal 2000/s)`,
    `  received by a socket.io client: ${received} of ${expected} (${expected - received} lost; the sandbox counted ${droppedAfter - droppedBefore} dropped)`,
    `  from the call to the client: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))} (goal p95 < 100 ms)`,
  ];
}
