// One storefront contract, run unchanged against the microservices stack and the monolith, both running at once
// (architecture "both"), each with its own data; and what a redeploy costs each of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Comparison } from "../../lib/contract/compare";
import type { StackId } from "../../lib/contract/events";
import { startApp, type RunningApp } from "./support/app";
import { serviceAction } from "./support/control";
import { databaseFileOf, rowsOf } from "./support/databases";
import { steadyLoad } from "./support/load";
import { isAlive } from "./support/processes";
import { Storefront, type Customer, uniqueEmail } from "./support/storefront";
import { requestJson } from "./support/http";
import { watchTelemetry } from "./support/telemetry";
import { waitFor } from "./support/wait";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ env: { SANDBOX_ARCHITECTURE: "both" } });
});

afterAll(async () => {
  await app?.stop();
});

const storefront = (stack: StackId) => new Storefront(`${app.origin}/storefront/${stack}`);

describe.each<StackId>(["microservices", "monolith"])("the storefront contract on the %s", (stack) => {
  let shop: Storefront;
  let customer: Customer;

  beforeAll(async () => {
    shop = storefront(stack);
    customer = await shop.newCustomer();
  });

  it("registers (201), refuses a taken email (409) and an invalid body (400)", async () => {
    const email = uniqueEmail();
    const created = await shop.register({ email, password: "long enough", name: "Ada" });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email, name: "Ada" });
    expect((await shop.register({ email, password: "long enough", name: "Ada" })).status).toBe(409);
    const invalid = await shop.register({ email: "not-an-email", password: "x", name: "" });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toEqual(expect.any(String));
  });

  it("logs in (200 with a token) and refuses a wrong password (401)", async () => {
    expect((await shop.login({ email: customer.email, password: customer.password })).body.token).toEqual(expect.any(String));
    expect((await shop.login({ email: customer.email, password: "wrong password" })).status).toBe(401);
  });

  it("lists products with price and stock, finds one by id, and 404s an unknown one", async () => {
    const { status, body } = await shop.products();
    expect(status).toBe(200);
    expect(body.products.length).toBeGreaterThan(0);
    for (const product of body.products) expect(product).toEqual({ id: expect.any(String), name: expect.any(String), priceCents: expect.any(Number), stock: expect.any(Number) });
    expect((await shop.product(body.products[0].id)).body.product?.id).toBe(body.products[0].id);
    expect((await shop.product("p-nothing")).status).toBe(404);
  });

  it("accepts an order (202 pending) that ends paid, takes it off the shelf and sends an email", async () => {
    const before = await shop.stockOf("p-webcam");
    const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-webcam", quantity: 2 }] });
    expect(placed.status).toBe(202);
    expect(placed.body.order).toMatchObject({ status: "pending", totalCents: 2 * 5900 });
    const settled = await shop.waitForOrderToSettle(customer.token, placed.body.order!.id);
    expect(settled.status).toBe("paid");
    expect(await shop.stockOf("p-webcam")).toBe(before - 2);
    // The email is sent on PaymentSucceeded too, beside the order's own update: it may land a moment after "paid".
    await waitFor("the order's email", async () => ((await shop.notifications(customer.token)).body.notifications?.some((notification) => notification.orderId === settled.id) ? true : undefined));
  });

  it("ends an order above the card limit payment_failed and puts its stock back", async () => {
    const before = await shop.stockOf("p-laptop");
    const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-laptop", quantity: 1 }] });
    expect((await shop.waitForOrderToSettle(customer.token, placed.body.order!.id)).status).toBe("payment_failed");
    // product-service hears of the failed payment on its own, a moment after order-service may have.
    await waitFor("the laptop to be back on the shelf", async () => (await shop.stockOf("p-laptop")) === before);
  });

  it("refuses an order without a token (401), with no items (400), and for more than is in stock (409)", async () => {
    expect((await shop.placeOrder(undefined, { items: [{ productId: "p-mouse", quantity: 1 }] })).status).toBe(401);
    expect((await shop.placeOrder(customer.token, { items: [] })).status).toBe(400);
    expect((await shop.placeOrder(customer.token, { items: [{ productId: "p-laptop", quantity: 100 }] })).status).toBe(409);
  });
});

describe("two stacks side by side", () => {
  it("keeps each stack's data its own: an account made on one does not exist on the other", async () => {
    const microservices = storefront("microservices");
    const email = uniqueEmail();
    expect((await microservices.register({ email, password: "long enough", name: "Grace" })).status).toBe(201);
    expect((await storefront("monolith").login({ email, password: "long enough" })).status).toBe(401);
    const emails = (stack: "microservices" | "monolith") => rowsOf<{ email: string }>(databaseFileOf(app.dataDir, stack, "user-service"), "SELECT email FROM users").map((row) => row.email);
    expect(emails("microservices")).toContain(email);
    expect(emails("monolith")).not.toContain(email);
  });

  it("runs the monolith as one process and the microservices as eight", async () => {
    const { services } = await app.state();
    expect(services.filter((service) => service.stack === "monolith").map((service) => service.id)).toEqual(["monolith"]);
    expect(services.filter((service) => service.stack === "microservices")).toHaveLength(8);
  });
});

describe("what a redeploy costs", () => {
  it("takes the whole monolith shop down for its restart: requests fail meanwhile", async () => {
    const load = steadyLoad(app.origin, "/storefront/monolith/api/products");
    await waitForSome(load);
    expect((await serviceAction(app, "monolith", "redeploy", { strategy: "recreate" })).status).toBe(200);
    const { failed } = await load.stop();
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.join("\n")).toMatch(/monolith is down/);
  });

  it("redeploying one microservice fails no request that does not need it", async () => {
    const browsing = steadyLoad(app.origin, "/storefront/microservices/api/products", 3);
    await waitForSome(browsing);
    expect((await serviceAction(app, "notification-service", "redeploy", { strategy: "recreate" })).status).toBe(200);
    expect((await serviceAction(app, "payment-service", "redeploy", { strategy: "recreate" })).status).toBe(200);
    const { failed, ok } = await browsing.stop();
    expect(failed).toEqual([]);
    expect(ok).toBeGreaterThan(0);
  });
});

async function waitForSome(load: ReturnType<typeof steadyLoad>): Promise<void> {
  await waitFor("the load to get going", () => load.sent() >= 20);
}

describe("what scaling means", () => {
  it("scales the monolith as whole copies of the shop, and a microservice alone", async () => {
    const before = await app.state();
    const others = before.services.filter((service) => service.id !== "monolith" && service.id !== "product-service").map((service) => [service.id, service.pid]);
    expect((await serviceAction(app, "monolith", "scale", { replicas: 2 })).status).toBe(200);
    expect((await serviceAction(app, "product-service", "scale", { replicas: 2 })).status).toBe(200);
    const after = await app.state();
    for (const id of ["monolith", "product-service"]) {
      const pids = after.services.find((service) => service.id === id)!.instances.filter((instance) => instance.status === "healthy").map((instance) => instance.pid);
      expect(new Set(pids).size, id).toBe(2);
    }
    // Nothing else moved: scaling product-service did not scale, or restart, the rest of the microservices.
    for (const [id, pid] of others) expect(after.services.find((service) => service.id === id)!.pid, String(id)).toBe(pid);
    await serviceAction(app, "monolith", "scale", { replicas: 1 });
    await serviceAction(app, "product-service", "scale", { replicas: 1 });
  });

  it("each monolith copy serves the whole shop on its own: with only that copy alive, a shopper registers, browses and is paid", async () => {
    const shop = storefront("monolith");
    const copies = async () => (await app.service("monolith")).instances.filter((instance) => instance.status === "healthy").map((instance) => instance.pid!);
    /** Kills every copy but `keep`, then runs the whole journey: whatever answers can only be `keep`. */
    async function journeyServedBy(keep: number): Promise<void> {
      for (const pid of await copies()) if (pid !== keep) process.kill(pid, "SIGKILL");
      await waitFor("only the kept copy to be serving", async () => {
        const alive = await copies();
        return alive.length === 1 && alive[0] === keep;
      }, { timeoutMs: 10_000, intervalMs: 50 });
      const customer = await shop.newCustomer();
      expect((await shop.products()).status).toBe(200);
      const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
      expect(placed.status).toBe(202);
      expect((await shop.waitForOrderToSettle(customer.token, placed.body.order!.id)).status).toBe("paid");
      expect((await shop.notifications(customer.token)).body.notifications?.some((notification) => notification.orderId === placed.body.order!.id)).toBe(true);
      expect(isAlive(keep)).toBe(true);
    }
    try {
      expect((await serviceAction(app, "monolith", "scale", { replicas: 2 })).status).toBe(200);
      const [first, second] = await copies();
      expect(new Set([first, second]).size).toBe(2);
      await journeyServedBy(first);
      // Back to two copies (a fresh one for the killed), then the other copy alone.
      expect((await serviceAction(app, "monolith", "scale", { replicas: 1 })).status).toBe(200);
      expect((await serviceAction(app, "monolith", "scale", { replicas: 2 })).status).toBe(200);
      const fresh = (await copies()).find((pid) => pid !== first)!;
      expect(fresh).toBeDefined();
      await journeyServedBy(fresh);
    } finally {
      await serviceAction(app, "monolith", "scale", { replicas: 1 });
      if ((await app.service("monolith")).status !== "healthy") await serviceAction(app, "monolith", "start");
    }
  });
});

describe("what a crash loses", () => {
  it("loses the monolith's events in flight with its process; it finishes the order only by announcing it again at start", async () => {
    const shop = storefront("monolith");
    const customer = await shop.newCustomer();
    const telemetry = await watchTelemetry(app.origin);
    try {
      await requestJson(`${app.origin}/api/faults`, { method: "POST", body: { service: "payment-service", type: "slow-consumer", ms: 5_000, stack: "monolith" } });
      const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
      const orderId = placed.body.order!.id;
      // The payment module has the event in hand (in memory only) when the process dies.
      await telemetry.waitForEvents("the monolith's payment module to take the order", (events) =>
        events.some((event) => event.type === "queue" && event.stack === "monolith" && event.job === "OrderCreated" && event.state === "active" && event.jobId.includes(orderId)),
      );
      const seen = telemetry.events.length;
      expect((await serviceAction(app, "monolith", "kill")).status).toBe(200);
      await requestJson(`${app.origin}/api/faults`, { method: "DELETE" });
      expect((await serviceAction(app, "monolith", "start")).status).toBe(200);
      expect((await shop.waitForOrderToSettle(customer.token, orderId)).status).toBe("paid");
      await telemetry.waitForEvents("the restarted monolith to announce the order again", (events) =>
        events.slice(seen).some((event) => event.type === "queue" && event.stack === "monolith" && event.job === "OrderCreated" && event.state === "added" && event.jobId.includes(orderId)),
      );
    } finally {
      telemetry.close();
      await requestJson(`${app.origin}/api/faults`, { method: "DELETE" });
    }
  });

  it("keeps a microservice's queued event across its consumer's crash: the broker hands it to the next instance", async () => {
    const shop = storefront("microservices");
    const customer = await shop.newCustomer();
    const telemetry = await watchTelemetry(app.origin);
    try {
      await requestJson(`${app.origin}/api/faults`, { method: "POST", body: { service: "payment-service", type: "slow-consumer", ms: 5_000, stack: "microservices" } });
      const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
      const orderId = placed.body.order!.id;
      await telemetry.waitForEvents("payment-service to take the order's job", (events) =>
        events.some((event) => event.type === "queue" && event.stack === "microservices" && event.job === "OrderCreated" && event.state === "active" && event.jobId.includes(orderId)),
      );
      expect((await serviceAction(app, "payment-service", "kill")).status).toBe(200);
      await requestJson(`${app.origin}/api/faults`, { method: "DELETE" });
      expect((await serviceAction(app, "payment-service", "start")).status).toBe(200);
      expect((await shop.waitForOrderToSettle(customer.token, orderId)).status).toBe("paid");
    } finally {
      telemetry.close();
      await requestJson(`${app.origin}/api/faults`, { method: "DELETE" });
    }
  });
});

describe("the Compare figures", () => {
  const compare = async () => (await requestJson<Comparison>(`${app.origin}/api/compare`)).body;
  const stackOf = (comparison: Comparison, stack: StackId) => comparison.stacks.find((entry) => entry.stack === stack)!;

  it("measure, under the same generated traffic, what a redeploy and a kill cost each stack's shoppers", async () => {
    expect((await requestJson(`${app.origin}/api/traffic`, { method: "POST", body: { rps: 40 } })).status).toBe(200);
    try {
      await waitFor("both stacks to be serving traffic", async () => (await compare()).stacks.every((stack) => (stack.figures?.rps ?? 0) > 0), { timeoutMs: 20_000, intervalMs: 250 });

      await serviceAction(app, "monolith", "redeploy", { strategy: "recreate" });
      await serviceAction(app, "notification-service", "redeploy", { strategy: "recreate" });
      const redeploys = await waitFor("both redeploys to be measured", async () => {
        const comparison = await compare();
        const [micro, mono] = [stackOf(comparison, "microservices").lastRedeploy, stackOf(comparison, "monolith").lastRedeploy];
        return micro?.endedAt && mono?.endedAt && Date.now() > Math.max(micro.endedAt, mono.endedAt) + 1_000 ? comparison : undefined;
      }, { timeoutMs: 20_000, intervalMs: 250 });
      const mono = stackOf(redeploys, "monolith").lastRedeploy!;
      expect(mono.failed).toBeGreaterThan(0);
      expect(mono.unavailableMs).toBeGreaterThan(0);
      expect(redeploys.reading.join(" ")).toMatch(/Redeploying the monolith failed \d+ of \d+ shoppers' requests/);

      await serviceAction(app, "product-service", "kill");
      const failure = await waitFor("the kill's blast radius", async () => {
        const impact = stackOf(await compare(), "microservices").lastFailure;
        return impact && impact.failedFeatures.includes("browse") && impact.workingFeatures.length > 0 ? impact : undefined;
      }, { timeoutMs: 20_000, intervalMs: 250 });
      expect(failure.what).toBe("product-service was killed");
      expect(failure.workingFeatures).not.toContain("browse");
    } finally {
      await requestJson(`${app.origin}/api/traffic`, { method: "DELETE" });
      await serviceAction(app, "product-service", "start");
    }
  });
});
