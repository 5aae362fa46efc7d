// The shop keeps its promises under abuse: its services answer only their own stack, a token works only in the stack
// and the run that signed it, one Idempotency-Key is one order and one charge, and a login neither tells who has
// an account nor lets anyone guess for long.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpEvent } from "../../lib/contract/events";
import { startApp, type RunningApp } from "./support/app";
import { databaseFileOf, rowsOf } from "./support/databases";
import { requestJson } from "./support/http";
import { Storefront, uniqueEmail } from "./support/storefront";
import { watchTelemetry, type TelemetryWatcher } from "./support/telemetry";
import { waitFor } from "./support/wait";

let app: RunningApp;
let watcher: TelemetryWatcher;

const storefront = async (stack: "microservices" | "monolith") => {
  const url = (await app.state()).stacks.find((candidate) => candidate.id === stack)?.storefrontUrl;
  if (!url) throw new Error(`no storefront for ${stack}`);
  return new Storefront(url);
};

const addressOf = async (id: string): Promise<string> => {
  const service = await app.service(id);
  if (!service.address) throw new Error(`${id} has no address`);
  return service.address;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Nothing here is about timeouts: on a loaded two-core machine a scrypt can take seconds, so calls may wait longer. */
const patientCalls = async () => {
  const answer = await requestJson(`${app.origin}/api/sandbox/resilience`, { method: "POST", body: { timeoutMs: 10_000 } });
  expect(answer.status).toBe(200);
};

beforeAll(async () => {
  app = await startApp({ env: { SANDBOX_ARCHITECTURE: "both" } });
  watcher = await watchTelemetry(app.origin);
  await patientCalls();
});

afterAll(async () => {
  watcher?.close();
  await app?.stop();
});

describe("the stack's own key on calls between services", () => {
  it("refuses a call to an internal service without the stack's key, and the graph still shows it", async () => {
    const shop = await storefront("microservices");
    const customer = await shop.newCustomer();
    const orders = await addressOf("order-service");
    const bare = await requestJson(`${orders}/orders?userId=${encodeURIComponent(customer.user.id)}`);
    expect(bare.status).toBe(403);
    expect(bare.body.error).toContain("only the shop's own services");
    // Claiming to be a service is not enough either.
    const claimed = await requestJson(`${orders}/orders?userId=${encodeURIComponent(customer.user.id)}`, { headers: { "x-sandbox-from": "api-gateway", "x-sandbox-service-key": "guess" } });
    expect(claimed.status).toBe(403);
    const placing = await requestJson(`${orders}/orders`, { method: "POST", body: { userId: customer.user.id, items: [{ productId: "p-mouse", quantity: 1 }] } });
    expect(placing.status).toBe(403);
    expect(await shop.orders(customer.token)).toEqual([]);
    for (const id of ["auth-service", "user-service", "product-service", "payment-service", "notification-service"]) {
      expect((await requestJson(`${await addressOf(id)}/health`)).status).toBe(200);
      expect((await requestJson(`${await addressOf(id)}/nothing`)).status).toBe(403);
    }
    await watcher.waitForEvents("the refused call on the stream", (events) =>
      events.find((event): event is HttpEvent & { seq: number } => event.type === "http" && event.from === "client" && event.to === "order-service" && event.status === 403),
    );
    // The shop itself, holding the key, still works end to end.
    expect((await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] })).status).toBe(202);
  });
});

describe("tokens", () => {
  it("refuses a microservices token at the monolith, and a monolith token at the microservices", async () => {
    const micro = await storefront("microservices");
    const mono = await storefront("monolith");
    const microCustomer = await micro.newCustomer();
    const monoCustomer = await mono.newCustomer();
    const order = { items: [{ productId: "p-mouse", quantity: 1 }] };
    expect((await mono.placeOrder(microCustomer.token, order)).status).toBe(401);
    expect((await micro.placeOrder(monoCustomer.token, order)).status).toBe(401);
    expect((await micro.placeOrder(microCustomer.token, order)).status).toBe(202);
  });

  it("refuses a token from before a reset: a reset ends every session", async () => {
    const shop = await storefront("microservices");
    const customer = await shop.newCustomer();
    expect((await requestJson(`${shop.baseUrl}/api/users/me`, { token: customer.token })).status).toBe(200);
    const reset = await requestJson(`${app.origin}/api/sandbox/reset`, { method: "POST", timeoutMs: 120_000 });
    expect(reset.status).toBe(200);
    await patientCalls(); // a reset puts the resilience settings back
    const after = await storefront("microservices");
    const refused = await after.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
    expect(refused.status).toBe(401);
    // Even once the same email is registered again, the old token is not theirs.
    const again = await after.register({ email: customer.email, password: customer.password, name: "Again" });
    expect(again.status).toBe(201);
    expect((await requestJson(`${after.baseUrl}/api/users/me`, { token: customer.token })).status).toBe(401);
  });
});

describe("Idempotency-Key", () => {
  it("turns 20 parallel identical orders with one key into one order and one charge", async () => {
    const shop = await storefront("microservices");
    const customer = await shop.newCustomer();
    const body = { items: [{ productId: "p-mouse", quantity: 1 }] };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => requestJson(`${shop.baseUrl}/api/orders`, { method: "POST", token: customer.token, body, headers: { "idempotency-key": "one-intent" } })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(202));
    const ids = new Set(answers.map((answer) => answer.body.order.id));
    expect(ids.size).toBe(1);
    const [orderId] = ids;
    await shop.waitForOrderToSettle(customer.token, orderId);
    expect((await shop.orders(customer.token)).map((order) => order.id)).toEqual([orderId]);
    // The charges as payment-service wrote them: one payment for this order, no other order of this customer.
    const charges = () =>
      rowsOf<{ id: string; paymentId: string; userId: string }>(databaseFileOf(app.dataDir, "microservices", "payment-service"), "SELECT order_id AS id, payment_id AS paymentId, user_id AS userId FROM charges");
    const mine = await waitFor("the charge to be written", () => {
      const found = charges().filter((charge) => charge.userId === customer.user.id);
      return found.length > 0 ? found : undefined;
    });
    expect(new Set(mine.map((charge) => charge.id))).toEqual(new Set([orderId]));
    expect(new Set(mine.map((charge) => charge.paymentId)).size).toBe(1);
    // The same key with another basket is refused, and places nothing.
    const other = await requestJson(`${shop.baseUrl}/api/orders`, { method: "POST", token: customer.token, body: { items: [{ productId: "p-mouse", quantity: 2 }] }, headers: { "idempotency-key": "one-intent" } });
    expect(other.status).toBe(409);
    expect((await shop.orders(customer.token)).map((order) => order.id)).toEqual([orderId]);
  });
});

describe("login abuse", () => {
  it("takes as long for an unknown email as for a known one (medians within 20 %)", async () => {
    const shop = await storefront("microservices");
    const known = [];
    for (let i = 0; i < 9; i++) known.push(await shop.newCustomer());
    const times = { known: [] as number[], unknown: [] as number[] };
    // Interleaved, so the machine's load weighs on both alike; one wrong guess per account stays under its limit.
    for (const customer of known) {
      for (const [kind, email] of [["known", customer.email], ["unknown", uniqueEmail()]] as const) {
        const started = performance.now();
        const answer = await shop.login({ email, password: "not the password" });
        times[kind].push(performance.now() - started);
        expect(answer.status).toBe(401);
      }
    }
    const [knownMedian, unknownMedian] = [median(times.known), median(times.unknown)];
    expect(Math.abs(knownMedian - unknownMedian) / Math.max(knownMedian, unknownMedian), `known ${knownMedian.toFixed(1)} ms, unknown ${unknownMedian.toFixed(1)} ms`).toBeLessThan(0.2);
  });

  it("answers 429 with Retry-After once an account has had its wrong guesses, even for the right password", async () => {
    const shop = await storefront("microservices");
    const customer = await shop.newCustomer();
    for (let i = 0; i < 10; i++) expect((await shop.login({ email: customer.email, password: `guess ${i}` })).status).toBe(401);
    const response = await fetch(`${shop.baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: customer.email, password: customer.password }) });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await response.json()) as { error: string }).error).toContain("too many failed attempts");
    // Through the app's own origin too, with the same header.
    const proxied = await fetch(`${app.origin}/storefront/microservices/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: customer.email, password: customer.password }) });
    expect(proxied.status).toBe(429);
    expect(Number(proxied.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("limits registrations of a taken email too", async () => {
    const shop = await storefront("monolith");
    const customer = await shop.newCustomer();
    for (let i = 0; i < 10; i++) expect((await shop.register({ email: customer.email, password: "another one", name: "Again" })).status).toBe(409);
    expect((await shop.register({ email: customer.email, password: "another one", name: "Again" })).status).toBe(429);
  });
});
