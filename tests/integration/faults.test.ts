// Every fault type bites the running processes at once, shows in the sandbox's state, survives a redeploy until
// cleared, and bad fault input is refused with a clear error and changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app";
import { serviceAction } from "./support/control";
import { requestJson } from "./support/http";
import { Storefront, type Customer } from "./support/storefront";
import type { NumberedEvent } from "../../lib/contract/events";
import { watchTelemetry, type TelemetryWatcher } from "./support/telemetry";
import { waitFor } from "./support/wait";

let app: RunningApp;
let shop: Storefront;
let customer: Customer;

const addFault = (body: unknown) => requestJson(`${app.origin}/api/faults`, { method: "POST", body });
const faults = async () => (await requestJson(`${app.origin}/api/faults`)).body.faults as Array<{ id: string; type: string }>;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

beforeAll(async () => {
  app = await startApp();
  shop = new Storefront(await app.storefrontUrl());
  customer = await shop.newCustomer();
});

afterEach(async () => {
  await requestJson(`${app.origin}/api/faults`, { method: "DELETE" });
  await requestJson(`${app.origin}/api/sandbox/resilience`, { method: "POST", body: { timeouts: true, timeoutMs: 3_000, retries: 0, circuitBreaker: false, readinessChecks: false } });
});

const resilience = (body: unknown) => requestJson(`${app.origin}/api/sandbox/resilience`, { method: "POST", body });

afterAll(async () => {
  await app?.stop();
});

describe("each fault type", () => {
  it("latency: product-service answers late, and the gateway's calls to it with it", async () => {
    const { status, body } = await addFault({ service: "product-service", type: "latency", ms: 400 });
    expect(status).toBe(201);
    expect(body.fault).toMatchObject({ service: "product-service", type: "latency", ms: 400 });
    expect((await app.state()).faults.map((fault) => fault.id)).toContain(body.fault.id);
    const slow = await timed(() => shop.products());
    expect(slow.result.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(400);
    await requestJson(`${app.origin}/api/faults/${body.fault.id}`, { method: "DELETE" });
    expect((await timed(() => shop.products())).ms).toBeLessThan(400);
  });

  it("errors: a rate of 1 makes every product-service request a 500 that says why, and the gateway passes it on", async () => {
    await addFault({ service: "product-service", type: "errors", rate: 1 });
    const { status, body } = await shop.products();
    expect(status).toBe(500);
    expect(body).toHaveProperty("error");
    expect(String((body as unknown as { error: string }).error)).toMatch(/injected errors fault/);
    // Only product-service fails: the customer's own notifications still load.
    expect((await shop.notifications(customer.token)).status).toBe(200);
  });

  it("partition: the gateway cannot reach product-service, while its other calls go through", async () => {
    await addFault({ service: "api-gateway", type: "partition", peer: "product-service" });
    const { status, body } = await shop.products();
    expect(status).toBe(503);
    expect(String((body as unknown as { error: string }).error)).toMatch(/product-service is down \(network partition\)/);
    expect((await shop.notifications(customer.token)).status).toBe(200);
  });

  it("slow-consumer: payment-service takes longer over each job, so an order stays pending longer", async () => {
    await addFault({ service: "payment-service", type: "slow-consumer", ms: 1_500 });
    const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
    expect(placed.status).toBe(202);
    const settled = await timed(() => shop.waitForOrderToSettle(customer.token, placed.body.order!.id));
    expect(settled.result.status).toBe("paid");
    expect(settled.ms).toBeGreaterThanOrEqual(1_400);
  });

  it("cpu-hog: order-service blocks its event loop on each request, while browsing stays fast", async () => {
    await addFault({ service: "order-service", type: "cpu-hog", ms: 600 });
    const order = await timed(() => shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] }));
    expect(order.result.status).toBe(202);
    expect(order.ms).toBeGreaterThanOrEqual(600);
    expect((await timed(() => shop.products())).ms).toBeLessThan(600);
  });

  it("crash-on-start: the next deploy of the service dies at boot; clearing the fault makes deploys work again", async () => {
    await addFault({ service: "auth-service", type: "crash-on-start" });
    expect((await serviceAction(app, "auth-service", "redeploy", { strategy: "recreate" })).body.service?.status).toBe("crashed");
    expect((await shop.login({ email: customer.email, password: customer.password })).status).toBe(503);
    await requestJson(`${app.origin}/api/faults`, { method: "DELETE" });
    expect((await serviceAction(app, "auth-service", "start")).body.service?.status).toBe("healthy");
    expect((await shop.login({ email: customer.email, password: customer.password })).status).toBe(200);
  });

  it("a fault survives a redeploy of its service, and clearing it ends it in the new process", async () => {
    const { body } = await addFault({ service: "product-service", type: "errors", rate: 1 });
    const before = await app.service("product-service");
    expect((await serviceAction(app, "product-service", "redeploy", { strategy: "recreate" })).status).toBe(200);
    const after = await app.service("product-service");
    expect(after.pid).not.toBe(before.pid);
    expect((await shop.products()).status).toBe(500);
    expect((await requestJson(`${app.origin}/api/faults/${body.fault.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await faults()).toEqual([]);
    expect((await shop.products()).status).toBe(200);
    expect((await app.service("product-service")).pid).toBe(after.pid);
  });
});

describe("bad fault input", () => {
  const cases: Array<[string, unknown, number, RegExp]> = [
    ["an unknown service", { service: "coffee-service", type: "latency", ms: 10 }, 404, /no service called coffee-service/],
    ["an unknown type", { service: "order-service", type: "meteor", ms: 10 }, 400, /type/],
    ["latency without ms", { service: "order-service", type: "latency" }, 400, /latency needs ms/],
    ["latency out of range", { service: "order-service", type: "latency", ms: 60_000 }, 400, /ms/],
    ["an error rate above 1", { service: "order-service", type: "errors", rate: 1.5 }, 400, /rate/],
    ["a partition with itself", { service: "order-service", type: "partition", peer: "order-service" }, 400, /itself/],
    ["a partition without a peer", { service: "order-service", type: "partition" }, 400, /peer/],
    ["an unknown field", { service: "order-service", type: "latency", ms: 10, command: "rm -rf /" }, 400, /command|unrecognized/i],
    ["the broker as a target", { service: "redis", type: "latency", ms: 10 }, 400, /module of the shop/],
  ];
  for (const [what, body, status, message] of cases) {
    it(`refuses ${what} with ${status} and adds nothing`, async () => {
      const answer = await addFault(body);
      expect(answer.status).toBe(status);
      expect(answer.body.error).toMatch(message);
      expect(await faults()).toEqual([]);
    });
  }

  it("refuses malformed JSON, and clearing a fault that does not exist is a 404", async () => {
    expect((await addFault("{not json")).status).toBe(400);
    const missing = await requestJson(`${app.origin}/api/faults/f-nothere`, { method: "DELETE" });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/no fault f-nothere/);
  });
});

describe("resilience patterns, switched on and off", () => {
  it("a short timeout turns a slow dependency into a quick, clear failure instead of a long wait", async () => {
    expect((await resilience({ timeoutMs: 300 })).status).toBe(200);
    await addFault({ service: "product-service", type: "latency", ms: 1_500 });
    const { ms, result } = await timed(() => shop.products());
    expect(result.status).toBe(503);
    expect(String((result.body as unknown as { error: string }).error)).toMatch(/product-service is down \(no answer in time\)/);
    expect(ms).toBeLessThan(1_500);
  });

  /**
   * The gateway's calls to `to` in the trace of one storefront request, counted once the gateway has reported its
   * own answer: every attempt is made (and reported, in order, by the same process) before that answer.
   */
  async function attemptsBehind(telemetry: TelemetryWatcher, answer: Response, to: string): Promise<number> {
    const traceId = /^00-([0-9a-f]{32})-/.exec(answer.headers.get("traceparent") ?? "")?.[1];
    expect(traceId).toBeDefined();
    const inTrace = (events: NumberedEvent[]) => events.filter((event) => event.type === "http" && event.traceId === traceId);
    await telemetry.waitForEvents("the gateway's own answer", (events) => inTrace(events).some((event) => event.type === "http" && event.from === "client" && event.to === "api-gateway"));
    return inTrace(telemetry.events).filter((event) => event.type === "http" && event.from === "api-gateway" && event.to === to).length;
  }

  it("retries a failed read as many times as asked: a GET with 3 retries reaches product-service 4 times", async () => {
    expect((await resilience({ retries: 3 })).status).toBe(200);
    await addFault({ service: "product-service", type: "errors", rate: 1 });
    const telemetry = await watchTelemetry(app.origin);
    try {
      const answer = await fetch(`${shop.baseUrl}/api/products`, { signal: AbortSignal.timeout(10_000) });
      expect(answer.status).toBe(500);
      expect(await attemptsBehind(telemetry, answer, "product-service")).toBe(4);
    } finally {
      telemetry.close();
    }
  });

  it("never retries a write: a POST to order-service with 3 retries reaches it once", async () => {
    expect((await resilience({ retries: 3 })).status).toBe(200);
    await addFault({ service: "order-service", type: "errors", rate: 1 });
    const telemetry = await watchTelemetry(app.origin);
    try {
      const answer = await fetch(`${shop.baseUrl}/api/orders`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${customer.token}` },
        body: JSON.stringify({ items: [{ productId: "p-mouse", quantity: 1 }] }),
        signal: AbortSignal.timeout(10_000),
      });
      expect(answer.status).toBe(500);
      expect(await attemptsBehind(telemetry, answer, "order-service")).toBe(1);
    } finally {
      telemetry.close();
    }
  });

  it("the circuit breaker opens after repeated failures, fails fast while open, and closes again once the callee recovers", async () => {
    expect((await resilience({ circuitBreaker: true })).status).toBe(200);
    const telemetry = await watchTelemetry(app.origin);
    try {
      const fault = await addFault({ service: "product-service", type: "errors", rate: 1 });
      for (let i = 0; i < 5; i++) expect((await shop.products()).status).toBe(500);
      const refused = await shop.products();
      expect(refused.status).toBe(503);
      expect(String((refused.body as unknown as { error: string }).error)).toMatch(/circuit open/);
      await telemetry.waitForEvents("the circuit to open", (events) => events.some((event) => event.type === "circuit" && event.from === "api-gateway" && event.to === "product-service" && event.state === "open"));

      await requestJson(`${app.origin}/api/faults/${fault.body.fault.id}`, { method: "DELETE" });
      await waitFor("the trial call after the pause to close the circuit", async () => (await shop.products()).status === 200, { timeoutMs: 15_000, intervalMs: 250 });
      await telemetry.waitForEvents("the circuit to close", (events) => events.some((event) => event.type === "circuit" && event.to === "product-service" && event.state === "closed"));
    } finally {
      telemetry.close();
    }
  });

  it("readiness checks: a service failing every request passes liveness, fails readiness, and is taken out of the calls once they are on", async () => {
    const telemetry = await watchTelemetry(app.origin);
    try {
      const fault = await addFault({ service: "product-service", type: "errors", rate: 1 });
      const address = (await app.state()).services.find((service) => service.id === "product-service")!.address!;
      // Liveness is spared the fault, readiness is not: the process is alive and cannot serve.
      expect((await requestJson(`${address}/health`)).status).toBe(200);
      const ready = await requestJson<{ error: string }>(`${address}/ready`);
      expect(ready.status).toBe(500);
      expect(ready.body.error).toMatch(/injected errors fault/);
      expect((await shop.products()).status).toBe(500);

      expect((await resilience({ readinessChecks: true })).status).toBe(200);
      await telemetry.waitForEvents("product-service marked not ready", (events) => events.some((event) => event.type === "lifecycle" && event.service === "product-service" && event.to === "unhealthy"));
      expect(telemetry.events.find((event) => event.type === "lifecycle" && event.service === "product-service" && event.to === "unhealthy")).toMatchObject({ from: "healthy", probe: "readiness" });
      expect((await app.state()).services.find((service) => service.id === "product-service")?.status).toBe("unhealthy");
      // The gateway finds no instance to call: it answers at once, and product-service gets no call.
      const calledBefore = telemetry.events.filter((event) => event.type === "http" && event.to === "product-service" && event.status > 0).length;
      const refused = await shop.products();
      expect(refused.status).toBe(503);
      expect(String((refused.body as unknown as { error: string }).error)).toMatch(/no running instance/);
      await telemetry.waitForEvents("the unsent call reported", (events) => events.some((event) => event.type === "http" && event.to === "product-service" && event.status === 0));
      expect(telemetry.events.filter((event) => event.type === "http" && event.to === "product-service" && event.status > 0)).toHaveLength(calledBefore);

      await requestJson(`${app.origin}/api/faults/${fault.body.fault.id}`, { method: "DELETE" });
      await telemetry.waitForEvents("product-service ready again", (events) => events.some((event) => event.type === "lifecycle" && event.service === "product-service" && event.to === "healthy" && event.from === "unhealthy"));
      expect(telemetry.events.findLast((event) => event.type === "lifecycle" && event.service === "product-service")).toMatchObject({ to: "healthy", probe: "readiness" });
      expect((await shop.products()).status).toBe(200);
    } finally {
      telemetry.close();
    }
  });

  it("refuses resilience settings out of range, and changes nothing", async () => {
    const answer = await resilience({ retries: 9 });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/retries/);
    expect((await app.state()).resilience.retries).toBe(0);
  });
});
