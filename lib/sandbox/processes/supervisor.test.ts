// The supervisor's decisions, with a fake process driver: which processes start and stop, in what order, when a
// deploy is rolled back, when a crash is restarted and when it is not. No real process runs; the clock is faked.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LifecycleEvent } from "../../contract/events";
import { FIRST_RESTART_DELAY_MS, MAX_RESTART_DELAY_MS } from "./restart-policy";
import { Supervisor, type ServiceDefinition } from "./supervisor";
import { FakeDriver } from "./testing/fake-driver";

let driver: FakeDriver;
let lifecycle: LifecycleEvent[];
let supervisor: Supervisor;

const definition: ServiceDefinition = {
  id: "payment-service",
  kind: "service",
  launch: (version) => ({
    command: "payment-service",
    args: [String(version)],
    env: {},
    readiness: { kind: "ipc" },
    health: async (instance) => driver.started.find((fake) => fake.pid === instance.pid)?.behaviour === "healthy",
    startTimeoutMs: 2_000,
  }),
};

function view() {
  return supervisor.views().find((service) => service.id === "payment-service")!;
}

/** Lets the fake clock run while `work` is under way, so its timers (drains, start deadlines) pass. */
async function whileTimePasses<T>(work: Promise<T>, ms = 5_000): Promise<T> {
  let done = false;
  const result = work.finally(() => (done = true));
  for (let passed = 0; passed < ms && !done; passed += 50) await vi.advanceTimersByTimeAsync(50);
  return result;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  driver = new FakeDriver();
  lifecycle = [];
  supervisor = new Supervisor("microservices", [definition], { sink: { emit: (events) => lifecycle.push(...events.filter((event) => event.type === "lifecycle")) }, changed: () => {}, greetings: () => [], launchEnv: () => ({}) }, driver);
  await whileTimePasses(supervisor.startAll());
  expect(view().status).toBe("healthy");
  driver.log.length = 0;
});

afterEach(async () => {
  await whileTimePasses(supervisor.dispose());
  vi.useRealTimers();
});

describe("deploys", () => {
  it("recreate: stops the old process before the next version starts, and counts the version up", async () => {
    await whileTimePasses(supervisor.redeploy("payment-service", "recreate"));
    expect(driver.log).toEqual(["SIGTERM 100", "start 101 v2", "ready 101"]);
    expect(view()).toMatchObject({ status: "healthy", version: 2, pid: 101 });
    expect(view().lastDeploy).toMatchObject({ strategy: "recreate", outcome: "succeeded", version: 2 });
  });

  it("rolling: starts the new version beside the old and retires the old only once the new one is healthy", async () => {
    await whileTimePasses(supervisor.redeploy("payment-service", "rolling"));
    expect(driver.log).toEqual(["start 101 v2", "ready 101", "SIGTERM 100"]);
    expect(view()).toMatchObject({ status: "healthy", version: 2, pid: 101 });
    expect(supervisor.addresses("payment-service")).toEqual(["http://127.0.0.1:40101"]);
  });

  it("rolling: a new version that never gets healthy is rolled back, and the old one keeps serving untouched", async () => {
    driver.behaviourOf = (version) => (version === 2 ? "never-healthy" : "healthy");
    await whileTimePasses(supervisor.redeploy("payment-service", "rolling"));
    const [old, fresh] = driver.started;
    expect(fresh.signals).toEqual(["SIGKILL"]);
    expect(old.signals).toEqual([]);
    expect(view()).toMatchObject({ status: "healthy", version: 1, pid: old.pid });
    expect(view().lastDeploy).toMatchObject({ strategy: "rolling", outcome: "rolled-back", version: 2 });
    expect(supervisor.addresses("payment-service")).toEqual([`http://127.0.0.1:${40_000 + old.pid}`]);
  });

  it("recreate with replicas: every old process is gone before the first new one starts", async () => {
    await whileTimePasses(supervisor.scale("payment-service", 2));
    driver.log.length = 0;
    await whileTimePasses(supervisor.redeploy("payment-service", "recreate"));
    const starts = driver.log.map((entry, index) => [entry, index] as const).filter(([entry]) => entry.startsWith("start"));
    const stops = driver.log.map((entry, index) => [entry, index] as const).filter(([entry]) => entry.startsWith("SIGTERM"));
    expect(stops.map(([entry]) => entry)).toEqual(["SIGTERM 100", "SIGTERM 101"]);
    expect(starts.map(([entry]) => entry)).toEqual(["start 102 v2", "start 103 v2"]);
    expect(Math.max(...stops.map(([, index]) => index))).toBeLessThan(Math.min(...starts.map(([, index]) => index)));
    expect(view()).toMatchObject({ status: "healthy", version: 2, replicas: 2 });
  });

  it("rolling with replicas: one new instance at a time, each old one retired only after a new one is healthy", async () => {
    await whileTimePasses(supervisor.scale("payment-service", 2));
    driver.log.length = 0;
    await whileTimePasses(supervisor.redeploy("payment-service", "rolling"));
    expect(driver.log).toEqual(["start 102 v2", "ready 102", "SIGTERM 100", "start 103 v2", "ready 103", "SIGTERM 101"]);
    expect(view()).toMatchObject({ status: "healthy", version: 2 });
    expect(supervisor.addresses("payment-service")).toEqual(["http://127.0.0.1:40102", "http://127.0.0.1:40103"]);
  });

  it("rolling with replicas: when a later new instance never gets healthy, every new one goes and the old version serves", async () => {
    await whileTimePasses(supervisor.scale("payment-service", 2));
    let launched = 0;
    driver.behaviourOf = (version) => (version === 2 && ++launched === 2 ? "never-healthy" : "healthy");
    await whileTimePasses(supervisor.redeploy("payment-service", "rolling"));
    const fresh = driver.started.filter((fake) => fake.request.args[0] === "2");
    expect(fresh).toHaveLength(2);
    for (const instance of fresh) expect(instance.gone).toBe(true);
    expect(view()).toMatchObject({ status: "healthy", version: 1 });
    expect(view().lastDeploy).toMatchObject({ outcome: "rolled-back", version: 2 });
    expect(supervisor.addresses("payment-service")).toEqual(["http://127.0.0.1:40101"]);
  });

  it("recreate of a bad release leaves the service down and says so", async () => {
    driver.behaviourOf = (version) => (version === 2 ? "crash-at-boot" : "healthy");
    await whileTimePasses(supervisor.redeploy("payment-service", "recreate"));
    expect(view().status).toBe("crashed");
    expect(view().lastDeploy).toMatchObject({ outcome: "failed", version: 2 });
  });
});

describe("the restart policy", () => {
  it("under on-failure, starts a service that keeps crashing again after pauses that double", async () => {
    supervisor.setRestartPolicy("payment-service", "on-failure");
    const pauses: number[] = [];
    for (let crash = 1; crash <= 3; crash++) {
      const before = driver.started.length;
      driver.alive()[0].exit(1, null);
      const crashedAt = Date.now();
      while (driver.started.length === before && Date.now() - crashedAt <= MAX_RESTART_DELAY_MS) await vi.advanceTimersByTimeAsync(10);
      pauses.push(Date.now() - crashedAt);
      await whileTimePasses(Promise.resolve());
    }
    expect(pauses).toEqual([FIRST_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2, FIRST_RESTART_DELAY_MS * 4]);
    expect(view().status).toBe("healthy");
  });

  it("counts as restarts only the unplanned ones: not a redeploy, nor a start after a kill", async () => {
    await whileTimePasses(supervisor.redeploy("payment-service", "recreate"));
    await whileTimePasses(supervisor.redeploy("payment-service", "rolling"));
    await whileTimePasses(supervisor.kill("payment-service"));
    await whileTimePasses(supervisor.start("payment-service"));
    expect(view()).toMatchObject({ status: "healthy", version: 3, restarts: 0 });
    supervisor.setRestartPolicy("payment-service", "on-failure");
    driver.alive()[0].exit(1, null);
    await vi.advanceTimersByTimeAsync(MAX_RESTART_DELAY_MS);
    await whileTimePasses(Promise.resolve());
    expect(view()).toMatchObject({ status: "healthy", restarts: 1 });
  });

  it("under never (the default), leaves a crashed service down for longer than any restart pause", async () => {
    expect(view().restartPolicy).toBe("never");
    driver.alive()[0].exit(1, null);
    await vi.advanceTimersByTimeAsync(MAX_RESTART_DELAY_MS * 2);
    expect(driver.started).toHaveLength(1);
    expect(view().status).toBe("crashed");
  });

  it("never restarts a service the user killed, even under on-failure", async () => {
    supervisor.setRestartPolicy("payment-service", "on-failure");
    await whileTimePasses(supervisor.kill("payment-service"));
    await vi.advanceTimersByTimeAsync(MAX_RESTART_DELAY_MS * 2);
    expect(driver.started).toHaveLength(1);
    expect(view().status).toBe("stopped");
  });

  it("refuses what the lifecycle table does not allow: starting a healthy service is a 409", async () => {
    await expect(supervisor.start("payment-service")).rejects.toMatchObject({ status: 409 });
    await expect(supervisor.kill("no-such-service")).rejects.toMatchObject({ status: 404 });
  });
});

describe("scaling", () => {
  it("starts more processes up to the replicas asked, and retires the extra ones when scaled down", async () => {
    await whileTimePasses(supervisor.scale("payment-service", 3));
    expect(driver.alive()).toHaveLength(3);
    expect(supervisor.addresses("payment-service")).toHaveLength(3);
    expect(view()).toMatchObject({ replicas: 3, status: "healthy" });
    await whileTimePasses(supervisor.scale("payment-service", 1));
    expect(driver.alive()).toHaveLength(1);
    expect(driver.started.filter((fake) => fake.signals.includes("SIGTERM"))).toHaveLength(2);
    expect(view().instances).toHaveLength(1);
  });
});

describe("starting a stack", () => {
  it("spawns the broker first and the services right after it, without waiting for the broker's answer", async () => {
    const own = new FakeDriver();
    const broker: ServiceDefinition = {
      id: "redis",
      kind: "broker",
      launch: () => ({
        command: "redis-server",
        args: ["1"],
        env: {},
        readiness: { kind: "ipc" },
        // The broker answers its first health check only after 300 ms.
        health: () => new Promise((resolve) => setTimeout(() => (own.log.push("broker answered"), resolve(true)), 300)),
      }),
    };
    const service: ServiceDefinition = { ...definition, launch: (version) => ({ ...definition.launch(version, "payment-1"), health: async () => true }) };
    const stack = new Supervisor("microservices", [service, broker], { sink: { emit: () => {} }, changed: () => {}, greetings: () => [], launchEnv: () => ({}) }, own);
    await whileTimePasses(stack.startAll());
    expect(own.log.filter((line) => line.startsWith("start") || line === "broker answered")).toEqual(["start 100 v1", "start 101 v1", "broker answered"]);
    expect(own.started[0].request.command).toBe("redis-server");
    expect(stack.views().every((view) => view.status === "healthy")).toBe(true);
    await whileTimePasses(stack.dispose());
  });
});

describe("readiness checks", () => {
  it("leave a live but failing instance in the registry while off, take it out while on, and put it back once it is ready", async () => {
    const own = new FakeDriver();
    let ready = false;
    const service: ServiceDefinition = { ...definition, launch: (version) => ({ ...definition.launch(version, "payment-1"), health: async () => true, ready: async () => ready }) };
    const events: LifecycleEvent[] = [];
    const stack = new Supervisor("microservices", [service], { sink: { emit: (batch) => events.push(...batch.filter((event) => event.type === "lifecycle")) }, changed: () => {}, greetings: () => [], launchEnv: () => ({}) }, own);
    await whileTimePasses(stack.startAll());
    const status = () => stack.views()[0].status;

    // Liveness alone: the process answers, so it stays healthy however it serves.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(status()).toBe("healthy");
    expect(stack.registry()["payment-service"]).toHaveLength(1);

    stack.setReadinessChecks(true);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(status()).toBe("unhealthy");
    expect(stack.registry()["payment-service"]).toEqual([]);
    expect(events.at(-1)).toMatchObject({ from: "healthy", to: "unhealthy", probe: "readiness" });
    expect(stack.views()[0].reason).toMatch(/not ready/);

    ready = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(status()).toBe("healthy");
    expect(events.at(-1)).toMatchObject({ from: "unhealthy", to: "healthy", probe: "readiness" });

    // Switched off while not ready: liveness takes over again and the instance is back in the registry.
    ready = false;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(status()).toBe("unhealthy");
    stack.setReadinessChecks(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(status()).toBe("healthy");
    expect(stack.registry()["payment-service"]).toHaveLength(1);
    await whileTimePasses(stack.dispose());
  });
});
