// A customer's order through the real microservices stack, and the clear refusals the shop and the control API give.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app";
import { serviceAction } from "./support/control";
import { requestJson } from "./support/http";
import { descendantsOf, isAlive } from "./support/processes";
import { Storefront, uniqueEmail, type Customer } from "./support/storefront";
import { waitFor } from "./support/wait";

const HEALTH_ANSWERS: Record<string, string> = {
  "api-gateway": "API Gateway is running",
  "auth-service": "Auth Service is running",
  "user-service": "User Service is running",
  "product-service": "Product Service is running",
  "order-service": "Order Service is running",
  "payment-service": "Payment Service is running",
  "notification-service": "Notification Service is running",
};

const anError = { error: expect.stringMatching(/\S/) };

let app: RunningApp;
let shop: Storefront;
let customer: Customer;

beforeAll(async () => {
  app = await startApp();
  shop = new Storefront(await app.storefrontUrl());
  customer = await shop.newCustomer();
});

afterAll(async () => {
  await app?.stop();
});

describe("the running shop", () => {
  it("runs redis and every shop service healthy, each in a live process of the app", async () => {
    const { services } = await app.state();
    expect(services.map((service) => service.id).sort()).toEqual(["redis", ...Object.keys(HEALTH_ANSWERS)].sort());
    const children = new Set(descendantsOf(app.pid).map((info) => info.pid));
    for (const service of services) {
      expect(service.status, service.id).toBe("healthy");
      expect(service.pid, service.id).toEqual(expect.any(Number));
      expect(isAlive(service.pid!), `${service.id} pid ${service.pid} is alive`).toBe(true);
      expect(children.has(service.pid!), `${service.id} runs as a process of the app`).toBe(true);
    }
  });

  it("answers GET /health on every shop service with its name", async () => {
    const { services } = await app.state();
    for (const [id, answer] of Object.entries(HEALTH_ANSWERS)) {
      const address = services.find((service) => service.id === id)?.address;
      expect(address, id).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await requestJson(`${address}/health`), id).toEqual({ status: 200, body: { status: answer } });
    }
  });
});

describe("a customer's order", () => {
  it("lets a customer register, log in, browse and order, and the order ends paid", async () => {
    const email = uniqueEmail();
    const registered = await shop.register({ email, password: "a long enough password", name: "Ada" });
    expect(registered).toEqual({ status: 201, body: { user: { id: expect.any(String), email, name: "Ada" } } });
    const loggedIn = await shop.login({ email, password: "a long enough password" });
    expect(loggedIn.status).toBe(200);
    const token = loggedIn.body.token!;
    expect(await requestJson(`${shop.baseUrl}/api/users/me`, { token })).toEqual({ status: 200, body: { user: registered.body.user } });

    const { status, body } = await shop.products();
    expect(status).toBe(200);
    expect(body.products.length).toBeGreaterThan(0);
    // The cheapest product, so that the simulated card accepts the charge.
    const product = body.products.filter((candidate) => candidate.stock >= 2).sort((a, b) => a.priceCents - b.priceCents)[0];
    expect(product).toEqual({ id: expect.any(String), name: expect.any(String), priceCents: expect.any(Number), stock: expect.any(Number) });
    expect(await shop.product(product.id)).toEqual({ status: 200, body: { product } });

    const placed = await shop.placeOrder(token, { items: [{ productId: product.id, quantity: 2 }] });
    expect(placed.status).toBe(202);
    expect(placed.body.order).toMatchObject({ id: expect.any(String), status: "pending", totalCents: product.priceCents * 2 });

    const settled = await shop.waitForOrderToSettle(token, placed.body.order!.id);
    expect(settled).toMatchObject({ id: placed.body.order!.id, status: "paid", totalCents: product.priceCents * 2 });
    expect(settled.items).toEqual([expect.objectContaining({ productId: product.id, quantity: 2 })]);
    expect(await shop.stockOf(product.id)).toBe(product.stock - 2);

    const notification = await waitFor("the order's notification", async () => {
      const { body: answer } = await shop.notifications(token);
      return answer.notifications?.find((candidate) => candidate.orderId === settled.id);
    });
    expect(notification).toMatchObject({ orderId: settled.id, kind: "order-paid", sentAt: expect.any(Number) });
  });

  it("ends an order the card declines as payment_failed, with its stock back on the shelf and the customer told", async () => {
    const products = (await shop.products()).body.products;
    const dearest = products.filter((candidate) => candidate.stock >= 1).sort((a, b) => b.priceCents - a.priceCents)[0];
    // Ten of the dearest product is far beyond what the simulated card accepts. (The stock it holds may already be
    // released by the time the 202 arrives, so only the end state is checked.)
    const quantity = Math.min(10, dearest.stock);
    const placed = await shop.placeOrder(customer.token, { items: [{ productId: dearest.id, quantity }] });
    expect(placed.status).toBe(202);
    expect(placed.body.order).toMatchObject({ status: "pending", totalCents: dearest.priceCents * quantity });

    const settled = await shop.waitForOrderToSettle(customer.token, placed.body.order!.id);
    expect(settled.status).toBe("payment_failed");
    await waitFor(`${dearest.id}'s stock to be back at ${dearest.stock}`, async () => (await shop.stockOf(dearest.id)) === dearest.stock);
    const notification = await waitFor("the declined order's notification", async () => {
      const { body: answer } = await shop.notifications(customer.token);
      return answer.notifications?.find((candidate) => candidate.orderId === settled.id);
    });
    expect(notification).toMatchObject({ kind: "payment-failed" });
  });
});

describe("bad input", () => {
  it("refuses an invalid registration with 400 and creates no account", async () => {
    const email = uniqueEmail();
    for (const body of [{ email, password: "short", name: "Bo" }, { email: "not-an-email", password: "long enough pass", name: "Bo" }, { email, password: "long enough pass" }, "{not json"]) {
      expect(await shop.register(body), JSON.stringify(body)).toEqual({ status: 400, body: anError });
    }
    expect((await shop.login({ email, password: "short" })).status).toBe(401);
    // The address is still free: the refused attempts left nothing behind.
    expect((await shop.register({ email, password: "long enough pass", name: "Bo" })).status).toBe(201);
  });

  it("refuses an order with quantity 0, no items or a malformed body with 400, and changes nothing", async () => {
    const stock = await shop.stockOf("p-mouse");
    const ordersBefore = (await shop.orders(customer.token)).map((order) => order.id);
    for (const body of [{ items: [{ productId: "p-mouse", quantity: 0 }] }, { items: [] }, { items: [{ productId: "p-mouse", quantity: 1.5 }] }, "{not json"]) {
      expect(await shop.placeOrder(customer.token, body), JSON.stringify(body)).toEqual({ status: 400, body: anError });
    }
    expect(await shop.stockOf("p-mouse")).toBe(stock);
    expect((await shop.orders(customer.token)).map((order) => order.id)).toEqual(ordersBefore);
  });

  it("asks for a login (401) before taking an order, and changes nothing", async () => {
    const stock = await shop.stockOf("p-mouse");
    const items = { items: [{ productId: "p-mouse", quantity: 1 }] };
    expect(await shop.placeOrder(undefined, items)).toEqual({ status: 401, body: anError });
    expect(await shop.placeOrder("forged.token", items)).toEqual({ status: 401, body: anError });
    expect(await shop.login({ email: customer.email, password: "the wrong password" })).toEqual({ status: 401, body: anError });
    expect(await shop.stockOf("p-mouse")).toBe(stock);
  });

  it("answers 404 for a product that does not exist, and takes no order for it", async () => {
    expect(await shop.product("p-does-not-exist")).toEqual({ status: 404, body: anError });
    expect(await shop.placeOrder(customer.token, { items: [{ productId: "p-does-not-exist", quantity: 1 }] })).toEqual({ status: 404, body: anError });
    expect((await shop.orders(customer.token)).some((order) => order.items.some((item) => item.productId === "p-does-not-exist"))).toBe(false);
  });

  it("refuses a second account for the same email with 409", async () => {
    const email = uniqueEmail();
    expect((await shop.register({ email, password: "long enough pass", name: "Cy" })).status).toBe(201);
    expect(await shop.register({ email, password: "another password", name: "Cy" })).toEqual({ status: 409, body: anError });
    expect(await shop.register({ email: email.toUpperCase(), password: "another password", name: "Cy" })).toEqual({ status: 409, body: anError });
    // The first password still logs in: the refused attempt did not overwrite the account.
    expect((await shop.login({ email, password: "long enough pass" })).status).toBe(200);
    expect((await shop.login({ email, password: "another password" })).status).toBe(401);
  });
});

describe("the control API", () => {
  it("refuses an unknown service, an unknown action, starting a healthy service and a malformed redeploy, changing nothing", async () => {
    const before = await app.service("payment-service");
    expect(await serviceAction(app, "no-such-service", "kill")).toEqual({ status: 404, body: anError });
    expect(await serviceAction(app, "payment-service", "explode")).toEqual({ status: 404, body: anError });
    expect(await serviceAction(app, "payment-service", "start")).toEqual({ status: 409, body: anError });
    expect(await serviceAction(app, "payment-service", "redeploy", { strategy: "sideways" })).toEqual({ status: 400, body: anError });
    expect(await serviceAction(app, "payment-service", "redeploy", "{not json")).toEqual({ status: 400, body: anError });

    const after = await app.service("payment-service");
    expect(after).toMatchObject({ status: "healthy", pid: before.pid, version: before.version, restarts: before.restarts });
    expect(isAlive(before.pid!)).toBe(true);
  });
});
