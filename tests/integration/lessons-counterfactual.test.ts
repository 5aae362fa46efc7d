// A lesson passes only when its claim holds: each decisive step, run with the claim made false on purpose, stays
// open and says the run contradicts the claim, the way a level editor proves a level cannot be won by a click.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLesson } from "../../lib/lessons/lessons";
import { startApp, type RunningApp } from "./support/app";
import { requestJson } from "./support/http";
import { LessonDriver } from "./support/lesson-driver";
import { Storefront } from "./support/storefront";
import { waitFor } from "./support/wait";
import type { SandboxState } from "../../lib/contract/control";

let app: RunningApp;
let driver: LessonDriver;

beforeAll(async () => {
  app = await startApp();
  driver = new LessonDriver(app);
});

afterAll(async () => {
  await driver?.post("/api/lessons/run/stop");
  await app?.stop();
});

const control = async (method: string, path: string, body?: unknown) => {
  const answer = await requestJson<{ error?: string }>(`${app.origin}${path}`, { method, body, timeoutMs: 60_000 });
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.body.error}`);
};

/** Opens the lesson at `step`, answers its prediction, makes the claim false with `counter`, and returns the run once it says so. */
async function contradict(lessonId: string, step: string, counter: () => Promise<void>) {
  const started = await driver.start(lessonId, step);
  const index = started.stepIndex;
  if (findLesson(lessonId)?.steps[index].predict) await driver.predict(step, null);
  await counter();
  const run = await driver.contradicted(index);
  expect(run.steps[index].status).toBe("active");
  expect(run.stepIndex).toBe(index);
  return run.steps[index];
}

describe("a lesson's decisive step does not pass when its claim is made false", () => {
  it("monolith-redeploy: redeployed rolling, the monolith loses no request, so the outage step stays open", async () => {
    const step = await contradict("monolith-redeploy", "redeploy", () => control("POST", "/api/services/monolith/redeploy", { strategy: "rolling" }));
    expect(step.contradiction).toContain("that was a rolling redeploy");
  });

  it("noisy-neighbour: the hog put in the microservices only, the monolith's browsing does not slow", async () => {
    const step = await contradict("noisy-neighbour", "hog", async () => {
      // Both stacks' baselines first, as the lesson would have it (a change before one would be refused for want of
      // it); then the fault where the claim cannot show.
      await driver.checkSays(1, /^monolith shoppers' browse p95 rises/, /^baseline p95/);
      await driver.checkSays(1, /^microservices shoppers' browse p95 stays near/, /^baseline p95/);
      await control("POST", "/api/faults", { service: "payment-service", type: "cpu-hog", ms: 200, stack: "microservices" });
    });
    expect(step.contradiction).toMatch(/monolith shoppers' browse p95 rises after the change .*: measured before p95 [\d.]+ ms, after p95 [\d.]+ ms/);
  });

  it("scale-hot-service: scaled with no load, there is no baseline to compare, and the step says so", async () => {
    const step = await contradict("scale-hot-service", "scale-service", async () => {
      await control("DELETE", "/api/traffic");
      await control("POST", "/api/services/product-service/scale", { replicas: 3 });
    });
    expect(step.contradiction).toContain("no baseline");
  });

  it("rolling-redeploy: another service restarted during the step, so the rest did not keep running", async () => {
    const step = await contradict("rolling-redeploy", "rolling", async () => {
      await control("POST", "/api/services/notification-service/redeploy", { strategy: "recreate" });
      await control("POST", "/api/services/product-service/redeploy", { strategy: "rolling" });
    });
    expect(step.contradiction).toContain("notification-service got a new process during the step");
  });

  it("blast-radius: notifications and orders broken as well, so every feature fails, not only product-service's", async () => {
    const step = await contradict("blast-radius", "kill-product", async () => {
      for (const service of ["notification-service", "order-service"]) await control("POST", "/api/faults", { service, type: "errors", rate: 1, stack: "microservices" });
      await control("POST", "/api/services/product-service/kill");
    });
    expect(step.contradiction).toMatch(/notifications( and my orders)? failed too, and nothing else kept working/);
  });

  it("payment-outage: order-service dead as well, so orders fail instead of waiting", async () => {
    const step = await contradict("payment-outage", "accept-orders", async () => {
      await control("POST", "/api/services/order-service/kill");
      await control("POST", "/api/traffic", { rps: 40, stack: "microservices", durationS: 60 });
    });
    expect(step.contradiction).toMatch(/\d+ orders failed while payment-service was down, 0 accepted/);
  });

  it("broker-crash: order-service dead as well, so no outbox keeps the orders", async () => {
    const step = await contradict("broker-crash", "order", async () => {
      await control("POST", "/api/services/order-service/kill");
      await control("POST", "/api/traffic", { rps: 40, stack: "microservices", durationS: 60 });
    });
    expect(step.contradiction).toMatch(/\d+ orders failed while redis was down, 0 accepted/);
  });

  it("circuit-breaker: a dependency that fails at once instead of slowly leaves no wait to see", async () => {
    const step = await contradict("circuit-breaker", "slow", async () => {
      await control("POST", "/api/faults", { service: "product-service", type: "errors", rate: 1, stack: "microservices" });
      await control("POST", "/api/traffic", { rps: 20, stack: "microservices", durationS: 60 });
    });
    expect(step.contradiction).toMatch(/failed request's p50 above 800 ms: measured a failed request's p50 [\d.]+ ms/);
  });

  it("at-least-once: payment-service killed with no job in hand, nothing is delivered again, so the step stays open", async () => {
    await driver.start("at-least-once", "die-holding");
    await driver.predict("die-holding", null);
    // Two orders paid before the kill: payment-service dies holding nothing, so no job can come back.
    const shop = new Storefront(`${app.origin}/storefront/microservices`);
    const customer = await shop.newCustomer();
    for (let index = 0; index < 2; index++) {
      const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
      await shop.waitForOrderToSettle(customer.token, placed.body.order!.id);
    }
    await control("POST", "/api/services/payment-service/kill");
    await control("POST", "/api/services/payment-service/start");
    // The restarted payment-service has looked for stalled jobs (it does at once) and pays a new order meanwhile.
    const after = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
    await shop.waitForOrderToSettle(customer.token, after.body.order!.id);
    await driver.checkSays(0, /^every accepted order settled/, /^$/);
    const run = (await driver.run())!;
    expect(run.steps[0].status).toBe("active");
    expect(run.steps[0].checks.find((check) => check.label.startsWith("a job of payment-inbox"))).toMatchObject({ met: false, missing: "every job so far was delivered once" });
  });

  it("at-least-once: the order sent twice with no Idempotency-Key, each request makes its own order, so the step stays open", async () => {
    const { stepIndex } = await driver.start("at-least-once", "same-key");
    await driver.predict("same-key", null);
    const shop = new Storefront(`${app.origin}/storefront/microservices`);
    const customer = await shop.newCustomer();
    for (let index = 0; index < 2; index++) expect((await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] })).status).toBe(202);
    await driver.checkSays(stepIndex, /^an order sent again with the same Idempotency-Key/, /^2 order requests answered, each made its own order$/);
    expect((await driver.run())!.steps[stepIndex].status).toBe("active");
  });

  it("slow-dependency: notification-service made slow instead, browsing stays fast, so the step of a delay along the calls stays open", async () => {
    const step = await contradict("slow-dependency", "slow", async () => {
      await control("POST", "/api/faults", { service: "notification-service", type: "latency", ms: 1_500, stack: "microservices" });
      await control("POST", "/api/traffic", { rps: 30, stack: "microservices", durationS: 60 });
    });
    expect(step.contradiction).toMatch(/^microservices shoppers' (browse p95 above 1200|notifications p95 below 400)/);
  });

  it("slow-dependency: product-service made quicker than the timeout first, nothing times out, so the step of errors stays open", async () => {
    const step = await contradict("slow-dependency", "timeout", async () => {
      await control("POST", "/api/faults", { service: "product-service", type: "latency", ms: 100, stack: "microservices" });
      await control("POST", "/api/sandbox/resilience", { timeouts: true, timeoutMs: 500 });
    });
    expect(step.contradiction).toMatch(/^microservices shoppers' browse error rate above 50 % after the change: measured error rate [\d.]+ % over \d+ requests$/);
  });

  it("retries-storm: a product-service failing every call, retries rescue nothing, so the step of fewer errors stays open", async () => {
    const step = await contradict("retries-storm", "retry", async () => {
      await driver.checkSays(1, /^microservices shoppers' browse error rate falls/, /^baseline/);
      await control("POST", "/api/faults", { service: "product-service", type: "errors", rate: 1, stack: "microservices" });
      await control("POST", "/api/sandbox/resilience", { retries: 3 });
    });
    expect(step.contradiction).toMatch(/^microservices shoppers' browse error rate falls after the change .*: measured before error rate [\d.]+ %, after error rate [\d.]+ %$/);
  });

  it("retries-storm: retries switched off before the failures rise, no call is multiplied, so the step of the storm stays open", async () => {
    const step = await contradict("retries-storm", "storm", async () => {
      await control("POST", "/api/sandbox/resilience", { retries: 0 });
      await control("POST", "/api/faults", { service: "product-service", type: "errors", rate: 0.9, stack: "microservices" });
    });
    expect(step.contradiction).toMatch(/^calls reaching product-service per shopper's request above 2: measured [\d.]+ calls per request/);
  });

  it("health-lies: readiness checks on before the fault, product-service is marked not ready, so the step of a lying health check stays open", async () => {
    const step = await contradict("health-lies", "lie", async () => {
      await control("POST", "/api/sandbox/resilience", { readinessChecks: true });
      await control("POST", "/api/faults", { service: "product-service", type: "errors", rate: 1, stack: "microservices" });
      await control("POST", "/api/traffic", { rps: 30, stack: "microservices", durationS: 60 });
    });
    expect(step.contradiction).toMatch(/^product-service stayed healthy all through the step: product-service was marked unhealthy: alive but not ready/);
  });

  it("health-lies: product-service failing 1 % of requests instead, it passes its readiness checks, so the step of taking it out stays open", async () => {
    const step = await contradict("health-lies", "ready", async () => {
      await control("DELETE", "/api/faults");
      await control("POST", "/api/faults", { service: "product-service", type: "errors", rate: 0.01, stack: "microservices" });
      await control("POST", "/api/sandbox/resilience", { readinessChecks: true });
    });
    expect(step.contradiction).toMatch(/^(product-service is alive but marked not ready by its readiness check: product-service passed its readiness check for \d+ s with readiness checks on|calls product-service answered per second below 1 after the change: measured [\d.]+ calls\/s|microservices shoppers' browse error rate above 90 % after the change)/);
  });

  it("backpressure: a consumer slowed by too little to fall behind, jobs wait no time, so the step of a growing queue stays open", async () => {
    const step = await contradict("backpressure", "slow", () => control("POST", "/api/faults", { service: "payment-service", type: "slow-consumer", ms: 100, stack: "microservices" }));
    expect(step.contradiction).toMatch(/^jobs wait in payment-inbox above 2000 ms before a consumer takes them, after the change: measured a median wait of \d+ ms over \d+ jobs$/);
  });

  it("backpressure: three consumers made slower still under twice the orders, the queue keeps filling, so the step of draining stays open", async () => {
    const step = await contradict("backpressure", "scale", async () => {
      // Twice the orders, each job twice as slow: three consumers take out about 1.2 jobs a second of some 4 coming in.
      await control("POST", "/api/faults", { service: "payment-service", type: "slow-consumer", ms: 10_000, stack: "microservices" });
      await control("POST", "/api/traffic", { rps: 80, stack: "microservices", durationS: 60 });
      await control("POST", "/api/services/payment-service/scale", { replicas: 3 });
    });
    expect(step.contradiction).toMatch(/^payment-inbox is draining: more jobs out than in: measured \d+ in and \d+ out: it is filling$/);
  });

  it("start-with-monolith: the monolith made slower than the microservices, so it is not the faster one", async () => {
    const step = await contradict("start-with-monolith", "faster", () => control("POST", "/api/faults", { service: "product-service", type: "latency", ms: 30, stack: "monolith" }));
    expect(step.contradiction).toMatch(/^monolith shoppers' p50 lower than the microservices'/);
  });

  it("order-journey: payment-service dead, the order is answered and waits unpaid, so the chain's step stays open", async () => {
    await driver.start("order-journey", "follow-events");
    await driver.predict("follow-events", null);
    await control("POST", "/api/services/payment-service/kill");
    await driver.showMe();
    // The order was answered (Show me places it at the storefront) and its OrderCreated waits in payment-inbox: with
    // payment-service alive it would have been taken and paid by now.
    await waitFor("OrderCreated waiting in payment-inbox", async () => {
      const state = (await requestJson<SandboxState>(`${app.origin}/api/sandbox`)).body;
      return (state.queues.find((queue) => queue.name === "payment-inbox")?.waiting ?? 0) >= 1 || undefined;
    }, { timeoutMs: 30_000, intervalMs: 200 });
    const run = (await driver.run())!;
    expect(run.error).toBeNull();
    expect(run.steps[1].status).toBe("active");
    expect(run.steps[1].checks.find((check) => check.label.startsWith("one order's trace goes"))).toMatchObject({ met: false, missing: "no trace has completed OrderCreated yet" });
  });

  /** One order, paid, in the given stack's shop: the database spans of its placement and its payment. */
  async function orderIn(stack: "microservices" | "monolith") {
    const shop = new Storefront(`${app.origin}/storefront/${stack}`);
    const customer = await shop.newCustomer();
    const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
    expect(placed.status).toBe(202);
    await shop.waitForOrderToSettle(customer.token, placed.body.order!.id);
  }

  it("database-per-service: the order placed in the monolith, one process touches orders and charges, so the step of owned tables stays open", async () => {
    const step = await contradict("database-per-service", "own-tables", () => orderIn("monolith"));
    expect(step.contradiction).toBe("orders and charges are each touched by their own process only: in the monolith one process touched more than one of them: orders by monolith, charges by monolith");
  });

  it("database-per-service: the order placed in the microservices, two processes touch the tables, so the step of one file stays open", async () => {
    const step = await contradict("database-per-service", "one-file", () => orderIn("microservices"));
    expect(step.contradiction).toBe("one process runs the statements on orders and charges: in the microservices different processes touched them: orders by order-service, charges by payment-service");
  });

  it("saga-compensates: product-service dead when the card is declined, nothing undoes the reservation, so the step stays open", async () => {
    await driver.start("saga-compensates", "declined");
    await driver.predict("declined", null);
    // The order is accepted with payment-service away (the laptop reserved), product-service is killed, and only then
    // is the card asked: PaymentFailed is published, but no one is there to put the laptop back.
    await control("POST", "/api/services/payment-service/kill");
    const shop = new Storefront(`${app.origin}/storefront/microservices`);
    const customer = await shop.newCustomer();
    expect((await shop.placeOrder(customer.token, { items: [{ productId: "p-laptop", quantity: 1 }] })).status).toBe(202);
    await control("POST", "/api/services/product-service/kill");
    await control("POST", "/api/services/payment-service/start");
    await waitFor("PaymentFailed waiting in product-inbox", async () => {
      const state = (await requestJson<SandboxState>(`${app.origin}/api/sandbox`)).body;
      return (state.queues.find((queue) => queue.name === "product-inbox")?.waiting ?? 0) >= 1 || undefined;
    }, { timeoutMs: 30_000, intervalMs: 200 });
    await driver.checkSays(1, /^one order's trace goes/, /waiting for InventoryUpdated$/);
    const run = (await driver.run())!;
    expect(run.steps[1].status).toBe("active");
    await control("POST", "/api/services/product-service/start");
  });
});

