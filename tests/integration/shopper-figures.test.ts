// What shoppers see is measured where they are: a learner's requests through the storefront proxy count in the
// stack's figures, a dead stack is shown down at once, and its fast refusals count as failures, never as latency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MetricsSchema, type Metrics, type TrafficView } from "../../lib/contract/control";
import { ComparisonSchema } from "../../lib/contract/compare";
import { startApp, type RunningApp } from "./support/app";
import { requestJson } from "./support/http";
import { waitFor } from "./support/wait";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ env: { SANDBOX_ARCHITECTURE: "monolith" } });
});

afterAll(async () => {
  await app?.stop();
});

async function monolithFigures(): Promise<Metrics["stacks"][number]> {
  const { status, body } = await requestJson<Metrics>(`${app.origin}/api/metrics`);
  expect(status).toBe(200);
  return MetricsSchema.parse(body).stacks.find((stack) => stack.stack === "monolith")!;
}

const browse = (count: number) => Promise.all(Array.from({ length: count }, () => requestJson(`${app.origin}/storefront/monolith/api/products`)));

describe("shoppers' figures", () => {
  it("counts a learner's requests through the storefront, per feature, with their latency as the shopper waited it", async () => {
    const answers = await browse(12);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const figures = await monolithFigures();
    expect(figures.up).toBe(true);
    expect(figures.shoppers.requests).toBeGreaterThanOrEqual(12);
    expect(figures.shoppers.failed).toBe(0);
    expect(figures.shoppers.p50Ms).toBeGreaterThan(0);
    expect(figures.shoppers.features.find((feature) => feature.feature === "browse")?.requests).toBeGreaterThanOrEqual(12);
    // The top-level figures are the shoppers', not the process's own.
    expect(figures.p50Ms).toBe(figures.shoppers.p50Ms);
    expect(figures.errorRate).toBe(figures.shoppers.errorRate);
  });

  it("shows a killed stack down at once, its refusals as failures and never as fast answers", async () => {
    expect((await requestJson(`${app.origin}/api/services/monolith/kill`, { method: "POST" })).status).toBe(200);
    expect((await monolithFigures()).up).toBe(false);
    // Wait until the answers from before the kill have left the shoppers' window, then shop against the dead stack.
    await waitFor("the shoppers' window to forget the answers from before the kill", async () => (await monolithFigures()).shoppers.requests === 0, { timeoutMs: 15_000, intervalMs: 250 });
    const answers = await browse(10);
    expect(answers.every((answer) => answer.status === 503)).toBe(true);
    // The oldest second of the window is counted in part: wait for its last share of earlier answers to go.
    const figures = await waitFor("only the refusals in the window", async () => {
      const now = await monolithFigures();
      return now.errorRate === 1 ? now : undefined;
    }, { timeoutMs: 5_000, intervalMs: 100 });
    expect(figures).toMatchObject({ up: false, errorRate: 1, p50Ms: null, p95Ms: null });
    expect(figures.shoppers).toMatchObject({ requests: 10, failed: 10 });
    // A dead entry process times nothing: its own view says nothing, and throughput is what was answered, none.
    expect(figures.processView).toEqual({ rps: 0, p50Ms: null, p95Ms: null, errorRate: 0 });
    expect(figures.rps).toBe(0);
    expect(figures.shoppers.answeredRps).toBe(0);
    expect(figures.shoppers.rps).toBeGreaterThan(0);
    const comparison = ComparisonSchema.parse((await requestJson(`${app.origin}/api/compare`)).body);
    const monolith = comparison.stacks.find((stack) => stack.stack === "monolith")!;
    expect(monolith.up).toBe(false);
    expect(comparison.reading[0]).toMatch(/^The monolith is down: shoppers cannot reach it, and 10 of their last 10 requests failed\.$/);
    expect(comparison.reading.join(" ")).not.toMatch(/faster/);
  });

  it("stops generated traffic by itself after the default time, and says what it measured", async () => {
    expect((await requestJson(`${app.origin}/api/services/monolith/start`, { method: "POST" })).status).toBe(200);
    const started = await requestJson<{ traffic: { endsAt: number; startedAt: number; summary: string } }>(`${app.origin}/api/traffic`, { method: "POST", body: { rps: 5 } });
    expect(started.status).toBe(200);
    expect(started.body.traffic.endsAt - started.body.traffic.startedAt).toBe(120_000);
    expect(started.body.traffic.summary).toBe("5 requests/s to monolith, for 120 s");
    const short = await requestJson<{ traffic: { running: boolean; result: string | null } }>(`${app.origin}/api/traffic`, { method: "POST", body: { rps: 20, durationS: 2 } });
    expect(short.body.traffic.result).toBeNull();
    const ended = await waitFor("the 2 s run to end by itself", async () => {
      const { body } = await requestJson<{ traffic: TrafficView }>(`${app.origin}/api/traffic`);
      return body.traffic.running ? undefined : body.traffic;
    }, { timeoutMs: 15_000, intervalMs: 100 });
    const [tally] = ended.stacks;
    expect(tally.sent).toBeGreaterThanOrEqual(30);
    expect(ended.result).toMatch(new RegExp(`^monolith: ${tally.sent} requests sent, \\d+ of \\d+ answered failed, \\d+ orders accepted; (p50 .* ms, p95 .* ms over its last 5 s of answers|no successful answer in its last 5 s)\\.$`));
    // Read again after the run's window has moved on: the table's figures and the sentence stay the same, and agree.
    const later = await waitFor("the latency window to pass the run's end", async () => {
      const { body } = await requestJson<{ traffic: TrafficView }>(`${app.origin}/api/traffic`);
      return Date.now() - ended.endsAt! > 6_000 ? body.traffic : undefined;
    }, { timeoutMs: 15_000, intervalMs: 250 });
    const [settled] = later.stacks;
    expect(later.result).toContain(`${settled.sent} requests sent, ${settled.failed} of ${settled.ok + settled.failed} answered failed`);
    expect(settled.p50Ms).not.toBeNull();
    expect(later.result).toContain(`p50 ${settled.p50Ms! < 10 ? settled.p50Ms!.toFixed(1) : Math.round(settled.p50Ms!)} ms, p95 ${settled.p95Ms! < 10 ? settled.p95Ms!.toFixed(1) : Math.round(settled.p95Ms!)} ms`);
  });
});
