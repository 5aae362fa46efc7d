// Every ready-made scenario, started from the control API: it sets up what it promises and shows a live figure;
// stopping it puts back everything it changed (architecture, replicas, services, traffic, faults, resilience), even
// settings that were not the defaults; and one left alone stops by itself after its stated time, with a summary
// whose figures are the traffic's and the audit's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Audit, SandboxState, TrafficView } from "../../lib/contract/control";
import { SCENARIO_LOG_SERVICE, type ScenariosView } from "../../lib/contract/scenarios";
import { readRecording } from "../../lib/sandbox/recording/recording-file";
import { startApp, type RunningApp } from "./support/app";
import { requestJson } from "./support/http";
import { waitFor } from "./support/wait";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const service = (state: SandboxState, id: string) => state.services.find((candidate) => candidate.id === id);
const start = (id: string) => requestJson<ScenariosView & { error?: string }>(`${app.origin}/api/scenarios/${id}/start`, { method: "POST", timeoutMs: 60_000 });
const stop = () => requestJson<ScenariosView>(`${app.origin}/api/scenarios/stop`, { method: "POST", timeoutMs: 60_000 });
const scenarios = async () => (await requestJson<ScenariosView>(`${app.origin}/api/scenarios`)).body;
const traffic = async () => (await requestJson<{ traffic: TrafficView }>(`${app.origin}/api/traffic`)).body.traffic;
/** The steps a scenario told in the event stream, as the sandbox's recording kept them. */
async function toldSteps(id: string): Promise<string[]> {
  const file = Buffer.from(await (await fetch(`${app.origin}/api/recording?seconds=300`)).arrayBuffer());
  return readRecording(file).events.flatMap((event) => (event.type === "log" && event.service === SCENARIO_LOG_SERVICE && event.instanceId === id ? [event.line] : []));
}
const audit = async () => (await requestJson<Audit[]>(`${app.origin}/api/sandbox/audit`)).body.find((entry) => entry.stack === "microservices")!;

/** What a scenario may change, as the state shows it: compared before and after. */
async function whatScenariosChange() {
  const state = await app.state();
  return {
    architecture: state.architecture,
    replicas: Object.fromEntries(state.services.map((candidate) => [candidate.id, candidate.replicas])),
    instances: Object.fromEntries(state.services.map((candidate) => [candidate.id, candidate.instances.filter((instance) => instance.status === "healthy").length])),
    faults: state.faults.map(({ service, type, ms, rate, peer, stack }) => ({ service, type, ms, rate, peer, stack })),
    resilience: state.resilience,
  };
}

/** Every service healthy: a service that missed a health check while it was hogged is healthy again a moment later. */
const everythingHealthy = () => waitFor("every service to be healthy", async () => (await app.state()).services.every((candidate) => candidate.status === "healthy"), { timeoutMs: 30_000, intervalMs: 250 });

/** What each scenario must have set up, read from the sandbox's state (bounded wait: scenarios pause between steps). */
const EFFECTS: Record<string, { what: string; holds: (state: SandboxState) => boolean }> = {
  "payment-outage": { what: "payment-service killed", holds: (state) => service(state, "payment-service")?.status === "stopped" },
  "bad-release": { what: "product-service's release rolled back", holds: (state) => service(state, "product-service")?.lastDeploy?.outcome === "rolled-back" },
  "slow-dependency": { what: "a latency fault with 1 s timeouts and a circuit breaker", holds: (state) => state.resilience.circuitBreaker && state.resilience.timeoutMs === 1_000 && state.faults.some((fault) => fault.type === "latency") },
  "broker-crash": { what: "redis killed", holds: (state) => service(state, "redis")?.status === "stopped" },
  "noisy-neighbour": { what: "both stacks with a cpu-hog on the payment module", holds: (state) => state.architecture === "both" && state.faults.some((fault) => fault.type === "cpu-hog" && fault.service === "payment-service") },
  "scale-out": { what: "product-service and the gateway at 3 replicas", holds: (state) => service(state, "product-service")?.replicas === 3 && service(state, "api-gateway")?.replicas === 3 },
};

describe("the scenarios", () => {
  it("lists the six the course needs, each saying what it sets up, what to watch and how long it runs", async () => {
    const body = await scenarios();
    expect(body.scenarios.map((scenario) => scenario.id).sort()).toEqual(Object.keys(EFFECTS).sort());
    for (const scenario of body.scenarios) {
      expect(scenario.setup.length * scenario.watch.length).toBeGreaterThan(0);
      expect(scenario.durationS).toBeGreaterThanOrEqual(15);
    }
  });

  for (const [id, effect] of Object.entries(EFFECTS)) {
    it(`${id}: sets up ${effect.what} under traffic with a live figure, and stopping it puts everything back`, async () => {
      await everythingHealthy();
      const before = await whatScenariosChange();
      const started = await start(id);
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      const declared = started.body.scenarios.find((scenario) => scenario.id === id)!;
      expect(started.body.active).toMatchObject({ id });
      expect(started.body.active!.endsAt - started.body.active!.startedAt).toBe(declared.durationS * 1_000);
      await waitFor(effect.what, async () => effect.holds(await app.state()), { timeoutMs: 45_000, intervalMs: 250 });
      expect((await traffic()).running).toBe(true);
      const figure = await waitFor("a live figure", async () => (await scenarios()).active?.figure);
      expect(figure).toMatch(/\d/);

      const stopped = await stop();
      expect(stopped.body.active).toBeNull();
      expect(stopped.body.last).toMatchObject({ id, endedBy: "stop", restoreProblems: [] });
      expect(stopped.body.last!.lines[0]).toMatch(new RegExp(`^stopped after \\d+ s of ${declared.durationS}$`));
      // Its steps were told in the stream too, so a timeline marks them: the set-up and the stop among them.
      // (The stream sends its events in batches: the last may still be on its way when the stop answers.)
      const told = await waitFor("the stop told in the stream", async () => {
        const lines = await toldSteps(id);
        return lines.includes(`${id}: stopped: summing up and putting everything back…`) ? lines : undefined;
      });
      expect(told.length, told.join("\n")).toBeGreaterThanOrEqual(2);
      expect((await traffic()).running).toBe(false);
      await everythingHealthy();
      expect(await whatScenariosChange()).toEqual(before);
    });
  }

  it("puts back settings that were not the defaults: the faults, resilience and traffic in force before it", async () => {
    await everythingHealthy();
    expect((await requestJson(`${app.origin}/api/faults`, { method: "POST", body: { service: "notification-service", type: "latency", ms: 5 } })).status).toBe(201);
    expect((await requestJson(`${app.origin}/api/sandbox/resilience`, { method: "POST", body: { timeouts: true, timeoutMs: 2_500, retries: 1, circuitBreaker: false } })).status).toBe(200);
    expect((await requestJson(`${app.origin}/api/traffic`, { method: "POST", body: { rps: 3, stack: "microservices" } })).status).toBe(200);
    try {
      const before = await whatScenariosChange();
      expect((await start("slow-dependency")).status).toBe(200);
      await waitFor(EFFECTS["slow-dependency"].what, async () => EFFECTS["slow-dependency"].holds(await app.state()), { timeoutMs: 45_000, intervalMs: 250 });
      expect((await traffic()).rps).toBe(20);

      expect((await stop()).body.last?.restoreProblems).toEqual([]);
      expect(await whatScenariosChange()).toEqual(before);
      expect(await traffic()).toMatchObject({ running: true, rps: 3, stacks: [expect.objectContaining({ stack: "microservices" })] });
    } finally {
      await requestJson(`${app.origin}/api/traffic`, { method: "DELETE" });
      await requestJson(`${app.origin}/api/faults`, { method: "DELETE" });
      await requestJson(`${app.origin}/api/sandbox/resilience`, { method: "POST", body: { timeouts: true, timeoutMs: 3_000, retries: 0, circuitBreaker: false } });
    }
  });

  it("payment-outage stops by itself after its stated time, and its summary's figures are the traffic's and the audit's", async () => {
    await everythingHealthy();
    const before = await whatScenariosChange();
    const auditBefore = await audit();
    const started = await start("payment-outage");
    const durationS = started.body.scenarios.find((scenario) => scenario.id === "payment-outage")!.durationS;
    // Waits on the condition (it has ended), bounded by its stated time plus the summing up and the restore.
    const ended = await waitFor("payment-outage to end by itself", async () => {
      const view = await scenarios();
      return view.active === null && view.last?.id === "payment-outage" ? view.last : undefined;
    }, { timeoutMs: durationS * 1_000 + 60_000, intervalMs: 500 });
    expect(ended.endedBy).toBe("time");
    expect(ended.endedAt - ended.startedAt).toBeGreaterThanOrEqual(durationS * 1_000);
    expect(ended.restoreProblems).toEqual([]);

    const { figures, lines } = ended;
    const shoppers = (await traffic()).stacks.find((stack) => stack.stack === "microservices")!;
    expect(figures.requestsSent).toBe(shoppers.sent);
    expect(figures.ordersAccepted).toBe(shoppers.ordersAccepted);
    expect(figures.acceptedWhileDown).toBeGreaterThan(0);
    expect(figures.acceptedWhileDown).toBeLessThanOrEqual(figures.ordersAccepted);
    expect(figures.queuePeak).toBeGreaterThan(0);
    expect(figures.queuePeak).toBeLessThanOrEqual(figures.ordersAccepted);
    expect(lines).toContain(`${figures.acceptedWhileDown} orders accepted while payment-service was down`);
    expect(lines).toContain(`payment-inbox peaked at ${figures.queuePeak} waiting`);

    const auditAfter = await audit();
    expect(figures.ordersSaved).toBe(auditAfter.orders - auditBefore.orders);
    expect(figures.ordersSaved).toBeGreaterThanOrEqual(figures.ordersAccepted);
    expect(figures.chargedTwice).toBe(auditAfter.chargedTwice);
    expect(figures.chargedTwice).toBe(0);
    expect(figures.paid + figures.paymentFailed + figures.pending).toBe(figures.ordersSaved + auditBefore.pending);
    expect(lines.join("\n")).toMatch(new RegExp(`${figures.ordersSaved} orders saved during it, ${figures.paid} paid`));

    // Put back: payment-service running again, traffic off, nothing else changed; the backlog is paid once.
    expect((await traffic()).running).toBe(false);
    await everythingHealthy();
    expect(await whatScenariosChange()).toEqual(before);
    const settled = await waitFor("every order to settle", async () => {
      const now = await audit();
      return now.pending === 0 ? now : undefined;
    }, { timeoutMs: 60_000, intervalMs: 500 });
    expect(settled).toMatchObject({ orders: auditAfter.orders, chargedTwice: 0, stockMismatches: 0 });
  });

  it("refuses a scenario that does not exist with 404", async () => {
    const { status, body } = await start("meteor-strike");
    expect(status).toBe(404);
    expect(body.error).toMatch(/no scenario called meteor-strike/);
  });
});
