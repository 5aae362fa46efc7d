// The shop rides out a payment-service outage: orders wait in the queue, a redeploy pays them, once each, and nothing else moves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../lib/contract/storefront";
import { startApp, type RunningApp } from "./support/app";
import { pidsById, serviceAction } from "./support/control";
import { databaseFileOf, rowsOf } from "./support/databases";
import { isAlive } from "./support/processes";
import { Storefront, type Customer } from "./support/storefront";
import { waitFor } from "./support/wait";

/** How long the test watches the orders stay pending once their payment jobs are known to be waiting. */
const OUTAGE_WATCH_MS = 2_000;

interface ChargeLine {
  id: string;
  paymentId: string;
  amountCents: number;
  outcome: string;
}

let app: RunningApp;
let shop: Storefront;
let customer: Customer;
let pidsBefore: Map<string, number | null>;
let paymentBefore: { pid: number; version: number };
const accepted: Order[] = [];

/** payment-service's own record of every charge, read from its database: `id` = the order id. */
function chargeLines(): ChargeLine[] {
  const file = databaseFileOf(app.dataDir, "microservices", "payment-service");
  return rowsOf<ChargeLine>(file, "SELECT order_id AS id, payment_id AS paymentId, amount_cents AS amountCents, outcome FROM charges ORDER BY rowid");
}

beforeAll(async () => {
  app = await startApp();
  shop = new Storefront(await app.storefrontUrl());
  customer = await shop.newCustomer();
  pidsBefore = await pidsById(app);
});

afterAll(async () => {
  await app?.stop();
});

describe("a payment-service outage", () => {
  it("takes payment-service down when it is killed, and its process is gone", async () => {
    const payment = await app.service("payment-service");
    paymentBefore = { pid: payment.pid!, version: payment.version };
    expect(isAlive(paymentBefore.pid)).toBe(true);

    const killed = await serviceAction(app, "payment-service", "kill");
    expect(killed.status).toBe(200);
    expect(killed.body.service).toMatchObject({ id: "payment-service", status: "stopped", pid: null });
    expect(await app.service("payment-service")).toMatchObject({ status: "stopped", pid: null });
    await waitFor(`payment-service's pid ${paymentBefore.pid} to be gone`, () => !isAlive(paymentBefore.pid), { timeoutMs: 5_000 });
  });

  it("keeps accepting orders while payment-service is down", async () => {
    for (const [productId, quantity] of [["p-mouse", 1], ["p-keyboard", 2], ["p-webcam", 1]] as const) {
      const { status, body } = await shop.placeOrder(customer.token, { items: [{ productId, quantity }] });
      expect(status, productId).toBe(202);
      expect(body.order).toMatchObject({ status: "pending", totalCents: expect.any(Number) });
      accepted.push(body.order!);
    }
  });

  it("keeps those orders pending, their payments waiting in the queue, while payment-service is down", async () => {
    await waitFor("the orders' payment jobs to wait in payment-inbox", async () => {
      const queue = (await app.state()).queues.find((candidate) => candidate.name === "payment-inbox");
      return queue !== undefined && queue.waiting >= accepted.length;
    });
    const watchUntil = Date.now() + OUTAGE_WATCH_MS;
    do {
      for (const order of accepted) expect((await shop.order(customer.token, order.id)).body.order?.status, order.id).toBe("pending");
      await new Promise((resolve) => setTimeout(resolve, 250));
    } while (Date.now() < watchUntil);
    expect(chargeLines().filter((charge) => accepted.some((order) => order.id === charge.id))).toEqual([]);
  });

  it("redeploys payment-service as the next version in a new process", async () => {
    const redeployed = await serviceAction(app, "payment-service", "redeploy", {});
    expect(redeployed.status).toBe(200);
    const payment = await app.service("payment-service");
    expect(payment).toMatchObject({ status: "healthy", version: paymentBefore.version + 1 });
    expect(payment.pid).toEqual(expect.any(Number));
    expect(payment.pid).not.toBe(paymentBefore.pid);
    expect(isAlive(payment.pid!)).toBe(true);
  });

  it("lets every order placed during the outage end paid", async () => {
    for (const order of accepted) {
      expect(await shop.waitForOrderToSettle(customer.token, order.id), order.id).toMatchObject({ id: order.id, status: "paid", totalCents: order.totalCents });
    }
  });

  it("charges each of those orders exactly once, and no order twice", async () => {
    const lines = chargeLines();
    for (const order of accepted) {
      const charges = lines.filter((charge) => charge.id === order.id);
      expect(charges, order.id).toEqual([expect.objectContaining({ id: order.id, amountCents: order.totalCents, outcome: "succeeded" })]);
    }
    const paymentIdsByOrder = new Map<string, Set<string>>();
    for (const charge of lines) paymentIdsByOrder.set(charge.id, (paymentIdsByOrder.get(charge.id) ?? new Set()).add(charge.paymentId));
    const chargedTwice = [...paymentIdsByOrder].filter(([, paymentIds]) => paymentIds.size > 1).map(([orderId]) => orderId);
    expect(chargedTwice).toEqual([]);
  });

  it("leaves every other service's process untouched", async () => {
    const pidsAfter = await pidsById(app);
    for (const [id, pid] of pidsBefore) {
      if (id === "payment-service") continue;
      expect(pidsAfter.get(id), id).toBe(pid);
      expect(isAlive(pid!), `${id} pid ${pid} is alive`).toBe(true);
    }
    for (const service of (await app.state()).services.filter((candidate) => candidate.id !== "payment-service")) {
      expect(service, service.id).toMatchObject({ status: "healthy", version: 1, restarts: 0 });
    }
  });
});
