// Generated traffic against both real stacks and the metrics it produces: the rate asked is the rate sent, both
// stacks are driven alike, the figures match what the kernel says of the processes, and bad settings change nothing.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MetricsSchema, TrafficViewSchema, type Metrics, type TrafficView } from "../../lib/contract/control";
import type { StackId } from "../../lib/contract/events";
import { startApp, type RunningApp } from "./support/app";
import { requestJson } from "./support/http";
import { waitFor } from "./support/wait";

const ENTRY: Record<StackId, string> = { microservices: "api-gateway", monolith: "monolith" };
const STACKS: StackId[] = ["microservices", "monolith"];
const MB = 1024 * 1024;

let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ env: { SANDBOX_ARCHITECTURE: "both" } });
});

afterAll(async () => {
  await requestJson(`${app?.origin}/api/traffic`, { method: "DELETE" }).catch(() => {});
  await app?.stop();
});

async function traffic(): Promise<TrafficView> {
  const { status, body } = await requestJson<{ traffic: TrafficView }>(`${app.origin}/api/traffic`);
  expect(status).toBe(200);
  return TrafficViewSchema.parse(body.traffic);
}

async function metrics(): Promise<Metrics> {
  const { status, body } = await requestJson<Metrics>(`${app.origin}/api/metrics`);
  expect(status).toBe(200);
  return MetricsSchema.parse(body);
}

const startTraffic = (body: unknown) => requestJson<{ traffic?: TrafficView; error?: string }>(`${app.origin}/api/traffic`, { method: "POST", body });

/** Every request sent has its answer (or its timeout): nothing is in flight any more. */
const settled = (view: TrafficView) => view.stacks.every((stack) => stack.ok + stack.failed === stack.sent);

function vmRssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

describe("generated traffic", () => {
  it("refuses bad settings with a clear 400 and changes nothing", async () => {
    const before = await traffic();
    for (const body of [{ rps: 0 }, { rps: 501 }, { rps: 10, stack: "mainframe" }, { rps: 10, turbo: true }, { rps: 2.5 }, "not json", {}]) {
      const { status, body: answer } = await startTraffic(body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(answer).toEqual({ error: expect.stringMatching(/\S/) });
    }
    expect(await traffic()).toEqual(before);
    expect(before.running).toBe(false);
  });

  it("sends the asked rate to each running stack for the asked time, and both get it alike", async () => {
    const { status, body } = await startTraffic({ rps: 30, durationS: 4 });
    expect(status).toBe(200);
    const started = TrafficViewSchema.parse(body.traffic);
    expect(started).toMatchObject({ running: true, rps: 30 });
    expect(started.stacks.map((stack) => stack.stack).sort()).toEqual(STACKS);
    expect(started.summary).toMatch(/each of/);
    expect(started.endsAt! - started.startedAt!).toBe(4_000);

    await waitFor("both stacks to answer the generated shoppers", async () => {
      const view = await traffic();
      return view.stacks.length === 2 && view.stacks.every((stack) => stack.sent > 0 && stack.ok > 0);
    }, { timeoutMs: 10_000, intervalMs: 100 });

    const ended = await waitFor("the traffic to end by itself, its last answers in", async () => {
      const view = await traffic();
      return !view.running && settled(view) ? view : undefined;
    }, { timeoutMs: 20_000, intervalMs: 200 });
    for (const stack of ended.stacks) {
      // 30/s for 4 s is 120 visits; a stall of the app's event loop may give a few up (counted as skipped).
      expect(stack.sent + stack.skipped, stack.stack).toBe(120);
      expect(stack.sent, stack.stack).toBeGreaterThanOrEqual(108);
      expect(stack.failed, `${stack.stack} failed requests`).toBeLessThanOrEqual(stack.sent * 0.05);
      expect(stack.p95Ms!).toBeGreaterThanOrEqual(stack.p50Ms!);
      expect(stack.p50Ms!).toBeGreaterThan(0);
    }
  });

  it("stops when asked: nothing more is sent", async () => {
    expect((await startTraffic({ rps: 20 })).status).toBe(200);
    await waitFor("requests to go out", async () => (await traffic()).stacks.every((stack) => stack.sent > 0), { timeoutMs: 10_000 });
    const { status, body } = await requestJson<{ traffic: TrafficView }>(`${app.origin}/api/traffic`, { method: "DELETE" });
    expect(status).toBe(200);
    expect(body.traffic.running).toBe(false);
    const stopped = await waitFor("the requests in flight to finish", async () => {
      const view = await traffic();
      return settled(view) ? view : undefined;
    }, { timeoutMs: 10_000 });
    // Proving an absence takes a while of watching: five looks over a second, each seeing the same count.
    for (let look = 0; look < 5; look++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await traffic()).stacks.map((stack) => stack.sent)).toEqual(stopped.stacks.map((stack) => stack.sent));
    }
  });

  it("stops driving a stack the architecture no longer runs, keeps the other, and refuses it by name with 409", async () => {
    expect((await startTraffic({ rps: 10 })).status).toBe(200);
    const { status } = await requestJson(`${app.origin}/api/sandbox/architecture`, { method: "POST", body: { architecture: "microservices" }, timeoutMs: 60_000 });
    expect(status).toBe(200);
    const switched = await traffic();
    const monolithSent = switched.stacks.find((stack) => stack.stack === "monolith")!.sent;
    const microservicesSent = switched.stacks.find((stack) => stack.stack === "microservices")!.sent;
    await waitFor("the microservices stack to keep getting traffic", async () => (await traffic()).stacks.find((stack) => stack.stack === "microservices")!.sent >= microservicesSent + 10, { timeoutMs: 10_000 });
    const later = await traffic();
    expect(later.running).toBe(true);
    expect(later.stacks.find((stack) => stack.stack === "monolith")!.sent).toBe(monolithSent);

    const refused = await startTraffic({ rps: 5, stack: "monolith" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/monolith/);
    expect((await traffic()).rps).toBe(10);
    await requestJson(`${app.origin}/api/traffic`, { method: "DELETE" });
    expect((await requestJson(`${app.origin}/api/sandbox/architecture`, { method: "POST", body: { architecture: "both" }, timeoutMs: 60_000 })).status).toBe(200);
    await waitFor("both stacks healthy again", async () => (await app.state()).services.every((service) => service.status === "healthy"), { timeoutMs: 60_000, intervalMs: 200 });
  });
});

describe("metrics under traffic", () => {
  it("reports each entry service's rate, latency, errors, CPU, memory and processes, as the kernel sees them", async () => {
    expect((await startTraffic({ rps: 30, durationS: 60 })).status).toBe(200);
    const seen = await waitFor("both entry services to show traffic in the metrics", async () => {
      const figures = await metrics();
      const entries = STACKS.map((stack) => figures.services.find((service) => service.stack === stack && service.id === ENTRY[stack]));
      return entries.every((entry) => entry && entry.rps > 0 && entry.p50Ms !== null && entry.processes > 0 && entry.cpuPercent > 0) ? figures : undefined;
    }, { timeoutMs: 20_000, intervalMs: 250 });
    const state = await app.state();
    expect(seen.windowS).toBe(10);

    for (const stack of STACKS) {
      const entry = seen.services.find((service) => service.stack === stack && service.id === ENTRY[stack])!;
      expect(entry.p50Ms!).toBeGreaterThan(0);
      expect(entry.p95Ms!).toBeGreaterThanOrEqual(entry.p50Ms!);
      expect(entry.errorRate).toBeGreaterThanOrEqual(0);
      expect(entry.errorRate).toBeLessThanOrEqual(1);
      expect(entry.cpuPercent).toBeGreaterThanOrEqual(0);
      const view = state.services.find((service) => service.id === ENTRY[stack])!;
      const pids = view.instances.flatMap((instance) => (instance.pid === null ? [] : [instance.pid]));
      expect(entry.processes).toBe(view.instances.length);
      expect(entry.rssBytes).toBeGreaterThan(10 * MB);
      // Sampled once a second: memory moves a little between the sample and this read.
      const kernelRss = pids.reduce((sum, pid) => sum + vmRssBytes(pid), 0);
      expect(Math.abs(entry.rssBytes - kernelRss)).toBeLessThan(Math.max(8 * MB, kernelRss * 0.25));

      const figures = seen.stacks.find((candidate) => candidate.stack === stack)!;
      expect(figures.rps).toBeGreaterThan(0);
      expect(figures.p95Ms!).toBeGreaterThanOrEqual(figures.p50Ms!);
      const processes = state.services.filter((service) => service.stack === stack).reduce((sum, service) => sum + service.instances.filter((instance) => instance.pid !== null).length, 0);
      expect(figures.processes).toBe(processes);
      expect(figures.rssBytes).toBeGreaterThanOrEqual(entry.rssBytes);
    }
    // The microservices stack is eight processes (redis and seven services), the monolith one.
    expect(seen.stacks.find((stack) => stack.stack === "microservices")!.processes).toBe(8);
    expect(seen.stacks.find((stack) => stack.stack === "monolith")!.processes).toBe(1);
    // Every queue of each stack, with a depth and rates that cannot be negative.
    for (const stack of STACKS) expect(seen.queues.filter((queue) => queue.stack === stack).length).toBeGreaterThan(0);
    for (const queue of seen.queues) expect(Math.min(queue.depth, queue.addedPerS, queue.completedPerS)).toBeGreaterThanOrEqual(0);
    await requestJson(`${app.origin}/api/traffic`, { method: "DELETE" });
  });
});
