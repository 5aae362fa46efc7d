// Every ready-made scenario, started from the control API: it sets up what it promises, and stopping it puts the
// sandbox back (traffic off, faults cleared, resilience default, every service running).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxState, TrafficView } from "../../lib/contract/control";
import type { ScenariosView } from "../../lib/contract/scenarios";
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
const traffic = async () => (await requestJson<{ traffic: TrafficView }>(`${app.origin}/api/traffic`)).body.traffic;

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
  it("lists at least the six the course needs, each saying what it sets up and what to watch", async () => {
    const { body } = await requestJson<ScenariosView>(`${app.origin}/api/scenarios`);
    expect(body.scenarios.map((scenario) => scenario.id).sort()).toEqual(Object.keys(EFFECTS).sort());
    for (const scenario of body.scenarios) expect(scenario.setup.length * scenario.watch.length).toBeGreaterThan(0);
  });

  for (const [id, effect] of Object.entries(EFFECTS)) {
    it(`${id}: sets up ${effect.what} under traffic, and stopping it puts everything back`, async () => {
      const started = await start(id);
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      expect(started.body.active?.id).toBe(id);
      await waitFor(effect.what, async () => effect.holds(await app.state()), { timeoutMs: 45_000, intervalMs: 250 });
      expect((await traffic()).running).toBe(true);

      const stopped = await stop();
      expect(stopped.body.active).toBeNull();
      const after = await app.state();
      expect(after.faults).toEqual([]);
      expect(after.resilience).toMatchObject({ circuitBreaker: false, retries: 0 });
      expect((await traffic()).running).toBe(false);
      // A service that was starting, or missed a health check while it was hogged, is healthy again a moment later.
      await waitFor("every service to be healthy again", async () => (await app.state()).services.every((candidate) => candidate.status === "healthy"), { timeoutMs: 20_000, intervalMs: 250 });
    });
  }

  it("refuses a scenario that does not exist with 404", async () => {
    const { status, body } = await start("meteor-strike");
    expect(status).toBe(404);
    expect(body.error).toMatch(/no scenario called meteor-strike/);
  });
});
