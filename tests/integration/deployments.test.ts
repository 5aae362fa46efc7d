// Deploying and scaling under traffic: rolling redeploys fail no request, a bad release is rolled back, replicas
// share the work and a dead one stops getting calls, and the restart policy brings back what crashed by itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app";
import { serviceAction } from "./support/control";
import { requestJson } from "./support/http";
import { steadyLoad } from "./support/load";
import { isAlive } from "./support/processes";
import { Storefront } from "./support/storefront";
import { watchTelemetry, type TelemetryWatcher } from "./support/telemetry";
import { waitFor } from "./support/wait";
import { FIRST_RESTART_DELAY_MS } from "../../lib/sandbox/processes/restart-policy";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const livePids = async (id: string) => (await app.service(id)).instances.filter((instance) => instance.status === "healthy").map((instance) => instance.pid!);

describe("rolling redeploy", () => {
  it("replaces product-service, order-service and the gateway under continuous traffic without a single failed request", async () => {
    const load = steadyLoad(app.origin);
    const before = new Map<string, { version: number; pids: number[] }>();
    for (const id of ["product-service", "order-service", "api-gateway"]) {
      before.set(id, { version: (await app.service(id)).version, pids: await livePids(id) });
      const { status, body } = await serviceAction(app, id, "redeploy", { strategy: "rolling" });
      expect(status, JSON.stringify(body)).toBe(200);
      expect(body.service?.lastDeploy?.outcome).toBe("succeeded");
    }
    await waitFor("some traffic after the last deploy", () => load.sent() > 50);
    const { ok, failed } = await load.stop();
    expect(failed).toEqual([]);
    expect(ok).toBeGreaterThan(50);
    for (const [id, { version, pids }] of before) {
      const after = await app.service(id);
      expect(after.version).toBe(version + 1);
      expect(after.status).toBe("healthy");
      for (const pid of pids) expect(isAlive(pid), `${id}'s old pid ${pid} should be gone`).toBe(false);
    }
  });

  it("labels the process it shows with that process's version all through a rolling redeploy, never the old one", async () => {
    const before = await app.service("user-service");
    const seen: Array<{ pid: number | null; version: number }> = [];
    let done = false;
    const deploy = serviceAction(app, "user-service", "redeploy", { strategy: "rolling" }).finally(() => (done = true));
    while (!done) {
      const { pid, version } = await app.service("user-service");
      seen.push({ pid, version });
    }
    expect((await deploy).status).toBe(200);
    const after = await app.service("user-service");
    expect(after.version).toBe(before.version + 1);
    // The new process may show before the deploy is over (the old one drains): from its first sight it says the new version.
    for (const view of seen.filter((candidate) => candidate.pid === after.pid)) expect(view.version).toBe(after.version);
    for (const view of seen.filter((candidate) => candidate.pid === before.pid)) expect(view.version).toBe(before.version);
  });

  it("rolls back a release that crashes at start: the old version keeps serving and is still the one running", async () => {
    const before = await app.service("product-service");
    const fault = await requestJson(`${app.origin}/api/faults`, { method: "POST", body: { service: "product-service", type: "crash-on-start" } });
    expect(fault.status).toBe(201);
    const load = steadyLoad(app.origin, "/storefront/microservices/api/products", 2);
    try {
      const { status, body } = await serviceAction(app, "product-service", "redeploy", { strategy: "rolling" });
      expect(status).toBe(200);
      expect(body.service?.lastDeploy).toMatchObject({ strategy: "rolling", outcome: "rolled-back", version: before.version + 1 });
      expect(body.service?.version).toBe(before.version);
      expect(body.service?.pid).toBe(before.pid);
      expect(isAlive(before.pid!)).toBe(true);
    } finally {
      const { failed } = await load.stop();
      expect(failed).toEqual([]);
      await requestJson(`${app.origin}/api/faults`, { method: "DELETE" });
    }
  });

  it("takes the service down when the same bad release is deployed with recreate", async () => {
    await requestJson(`${app.origin}/api/faults`, { method: "POST", body: { service: "notification-service", type: "crash-on-start" } });
    const { body } = await serviceAction(app, "notification-service", "redeploy", { strategy: "recreate" });
    expect(body.service?.status).toBe("crashed");
    expect(body.service?.lastDeploy?.outcome).toBe("failed");
    await requestJson(`${app.origin}/api/faults`, { method: "DELETE" });
    expect((await serviceAction(app, "notification-service", "redeploy", { strategy: "recreate" })).body.service?.status).toBe("healthy");
  });
});

describe("scaling", () => {
  it("runs three product-service instances, and the gateway stops calling one that dies", async () => {
    const { status, body } = await serviceAction(app, "product-service", "scale", { replicas: 3 });
    expect(status).toBe(200);
    expect(body.service?.replicas).toBe(3);
    const pids = await livePids("product-service");
    expect(pids).toHaveLength(3);
    for (const pid of pids) expect(isAlive(pid)).toBe(true);

    process.kill(pids[0], "SIGKILL"); // a replica dies on its own
    await waitFor("the dead replica to be reported crashed", async () => (await app.service("product-service")).instances.some((instance) => instance.status === "crashed"), { timeoutMs: 5_000, intervalMs: 50 });
    const shop = new Storefront(`${app.origin}/storefront/microservices`);
    for (let i = 0; i < 30; i++) expect((await shop.products()).status).toBe(200);
    expect(await livePids("product-service")).toHaveLength(2);
  });

  it("scales back down to one instance without failing a request", async () => {
    const load = steadyLoad(app.origin);
    const { status } = await serviceAction(app, "product-service", "scale", { replicas: 1 });
    expect(status).toBe(200);
    const { failed } = await load.stop();
    expect(failed).toEqual([]);
    expect(await livePids("product-service")).toHaveLength(1);
  });

  it("lets two payment-service replicas share the payment queue: each takes jobs, and every order is still paid once", async () => {
    expect((await serviceAction(app, "payment-service", "scale", { replicas: 2 })).status).toBe(200);
    const replicas = (await app.service("payment-service")).instances.filter((instance) => instance.status === "healthy").map((instance) => instance.instanceId);
    expect(replicas).toHaveLength(2);
    // Each job takes a while, so one replica's four job slots fill up and the other must take the rest.
    expect((await requestJson(`${app.origin}/api/faults`, { method: "POST", body: { service: "payment-service", type: "slow-consumer", ms: 1_000 } })).status).toBe(201);
    const telemetry = await watchTelemetry(app.origin);
    try {
      const shop = new Storefront(`${app.origin}/storefront/microservices`);
      const customer = await shop.newCustomer();
      const orders = await Promise.all(Array.from({ length: 10 }, () => shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] })));
      for (const order of orders) expect((await shop.waitForOrderToSettle(customer.token, order.body.order!.id)).status).toBe("paid");
      const takers = await telemetry.waitForEvents("both replicas to have paid an order", (events) => {
        const instances = new Set(events.flatMap((event) => (event.type === "queue" && event.queue === "payment-inbox" && event.state === "completed" && event.instanceId ? [event.instanceId] : [])));
        return instances.size >= 2 ? instances : undefined;
      });
      expect([...takers].sort()).toEqual([...replicas].sort());
      const audit = await requestJson(`${app.origin}/api/sandbox/audit`);
      expect(audit.body[0]).toMatchObject({ chargedTwice: 0, stockMismatches: 0, pending: 0 });
    } finally {
      telemetry.close();
      await requestJson(`${app.origin}/api/faults`, { method: "DELETE" });
      expect((await serviceAction(app, "payment-service", "scale", { replicas: 1 })).status).toBe(200);
    }
  });

  it("refuses to scale the broker, or to more than five replicas", async () => {
    expect((await serviceAction(app, "redis", "scale", { replicas: 2 })).status).toBe(409);
    const tooMany = await serviceAction(app, "product-service", "scale", { replicas: 6 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatch(/replicas/);
  });
});

describe("restart policy", () => {
  /**
   * How long a test watches a service stay down to prove no restart comes: four times the first restart delay the
   * on-failure policy would wait, so a restart that was going to happen would have happened inside it.
   */
  const NO_RESTART_WINDOW_MS = 4 * FIRST_RESTART_DELAY_MS;

  /** Watches `id` for the window, on the live events, and returns what it did: it must not start again. */
  async function watchStayingDown(telemetry: TelemetryWatcher, id: string, since: number): Promise<string[]> {
    const until = Date.now() + NO_RESTART_WINDOW_MS;
    await waitFor(`the ${NO_RESTART_WINDOW_MS} ms window to pass`, () => Date.now() >= until, { timeoutMs: NO_RESTART_WINDOW_MS + 5_000, intervalMs: 100 });
    return telemetry.events.slice(since).flatMap((event) => (event.type === "lifecycle" && event.service === id ? [`${event.from} → ${event.to}`] : []));
  }

  it(`leaves a service that crashed by itself down under the default policy, 'never': no restart within ${4 * FIRST_RESTART_DELAY_MS} ms`, async () => {
    const first = await app.service("user-service");
    expect(first.restartPolicy).toBe("never");
    const telemetry = await watchTelemetry(app.origin);
    try {
      const seen = telemetry.events.length;
      process.kill(first.pid!, "SIGKILL");
      await telemetry.waitForEvents("user-service's crash", (events) => events.slice(seen).some((event) => event.type === "lifecycle" && event.service === "user-service" && event.to === "crashed"));
      expect(await watchStayingDown(telemetry, "user-service", seen)).toEqual(["healthy → crashed"]);
      expect(await app.service("user-service")).toMatchObject({ status: "crashed", pid: null, restarts: first.restarts });
    } finally {
      telemetry.close();
    }
  });

  it("brings a crashed service back by itself under 'on-failure', as a new process", async () => {
    expect((await serviceAction(app, "user-service", "restart-policy", { restart: "on-failure" })).status).toBe(200);
    if ((await app.service("user-service")).status !== "healthy") expect((await serviceAction(app, "user-service", "start")).status).toBe(200);
    const second = await app.service("user-service");
    expect(second.restartPolicy).toBe("on-failure");
    process.kill(second.pid!, "SIGKILL");
    const back = await waitFor("user-service to come back by itself", async () => {
      const service = await app.service("user-service");
      return service.status === "healthy" && service.pid !== second.pid ? service : undefined;
    }, { timeoutMs: 15_000, intervalMs: 100 });
    expect(back.restarts).toBe(second.restarts + 1);
    expect(isAlive(back.pid!)).toBe(true);
  });

  it(`never restarts what the user killed on purpose, even under 'on-failure': no restart within ${4 * FIRST_RESTART_DELAY_MS} ms`, async () => {
    expect((await app.service("user-service")).restartPolicy).toBe("on-failure");
    const telemetry = await watchTelemetry(app.origin);
    try {
      const seen = telemetry.events.length;
      expect((await serviceAction(app, "user-service", "kill")).status).toBe(200);
      const moves = await watchStayingDown(telemetry, "user-service", seen);
      expect(moves.filter((move) => move.endsWith("→ starting"))).toEqual([]);
      expect((await app.service("user-service")).status).toBe("stopped");
    } finally {
      telemetry.close();
    }
    await serviceAction(app, "user-service", "restart-policy", { restart: "never" });
    expect((await serviceAction(app, "user-service", "start")).status).toBe(200);
  });
});
