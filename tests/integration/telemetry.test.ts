// What a browser sees over socket.io: a snapshot first, then every call, queue job and lifecycle change, one trace per order.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpEvent, LifecycleEvent, NumberedEvent, QueueEvent } from "../../lib/contract/events";
import { startApp, type RunningApp } from "./support/app";
import { serviceAction } from "./support/control";
import { Storefront, type Customer } from "./support/storefront";
import { watchTelemetry, type TelemetryWatcher } from "./support/telemetry";
import { BENCH_TELEMETRY_PATH } from "../../sandbox-services/runtime/src/telemetry-drive";

const DRIVEN_PER_SECOND = 3_000;

let app: RunningApp;
let shop: Storefront;
let customer: Customer;
let watcher: TelemetryWatcher | undefined;
/** A socket opened as soon as the control API answered, before socket.io is loaded (it is, once the services are up). */
let early: { watcher: Promise<TelemetryWatcher>; healthyWhenOpened: number; services: number } | undefined;

const http = (events: NumberedEvent[]) => events.filter((event): event is HttpEvent & { seq: number } => event.type === "http");
const queue = (events: NumberedEvent[]) => events.filter((event): event is QueueEvent & { seq: number } => event.type === "queue");
const lifecycle = (events: NumberedEvent[]) => events.filter((event): event is LifecycleEvent & { seq: number } => event.type === "lifecycle");

/** A websocket upgrade asked for and then broken off with a TCP reset while the app still holds it (services starting). */
function resetWhileHeld(origin: string): void {
  const raw = net.connect(Number(new URL(origin).port), "127.0.0.1", () => {
    raw.write(`GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${new URL(origin).host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    setTimeout(() => raw.resetAndDestroy(), 100);
  });
  raw.on("error", () => {});
}

beforeAll(async () => {
  // The bench's telemetry drive is armed (it only adds a SIGUSR2 handler to each service): one test below uses it.
  app = await startApp({
    env: { SANDBOX_BENCH_TELEMETRY: `${DRIVEN_PER_SECOND}:1` },
    onControlApi: (origin, state) => {
      early = { watcher: watchTelemetry(origin), healthyWhenOpened: state.services.filter((service) => service.status === "healthy").length, services: state.services.length };
      early.watcher.catch(() => {});
      resetWhileHeld(origin);
    },
  });
  shop = new Storefront(await app.storefrontUrl());
  customer = await shop.newCustomer();
  watcher = await watchTelemetry(app.origin);
});

afterAll(async () => {
  watcher?.close();
  (await early?.watcher.catch(() => undefined))?.close();
  await app?.stop();
});

describe("live events over socket.io", () => {
  it("sends a snapshot first, listing every service of the sandbox", () => {
    expect(watcher!.messages[0]).toBe("snapshot");
    const ids = watcher!.snapshot!.state.services.map((service) => service.id).sort();
    expect(ids).toEqual(["api-gateway", "auth-service", "notification-service", "order-service", "payment-service", "product-service", "redis", "user-service"]);
    expect(watcher!.snapshot!.state.services.every((service) => service.status === "healthy")).toBe(true);
  });

  it("keeps a socket opened while the services were still starting until it can send its snapshot", async () => {
    expect(early, "the control API answered").toBeDefined();
    // Opened before every service was healthy, so before socket.io was loaded: it waited rather than being refused.
    expect(early!.healthyWhenOpened).toBeLessThan(early!.services);
    const watcher = await early!.watcher;
    expect(watcher.messages[0]).toBe("snapshot");
    // Another early socket, reset by its client while it waited, was closed without ending the app.
    expect(app.exit).toBeUndefined();
    expect(watcher.snapshot!.state.services.length).toBe(8);
  });

  it("follows one order under one trace id, from the client's call through the services into the queue jobs", async () => {
    const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
    expect(placed.status).toBe(202);
    const orderId = placed.body.order!.id;

    const entry = await watcher!.waitForEvents("the client's POST /api/orders", (events) =>
      http(events).find((event) => event.from === "client" && event.to === "api-gateway" && event.method === "POST" && event.path === "/api/orders" && event.status === 202),
    );
    const { traceId } = entry;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    const toOrderService = await watcher!.waitForEvents("api-gateway's call to order-service", (events) =>
      http(events).find((event) => event.from === "api-gateway" && event.to === "order-service" && event.method === "POST" && event.path === "/orders"),
    );
    expect(toOrderService).toMatchObject({ traceId, status: 202 });

    const isOrderCreated = (event: QueueEvent) => event.job === "OrderCreated" && event.jobId.includes(orderId);
    const orderCreated = await watcher!.waitForEvents("OrderCreated added, active and completed", (events) => {
      const jobEvents = queue(events).filter(isOrderCreated);
      const states = new Set(jobEvents.map((event) => event.state));
      return states.has("added") && states.has("active") && states.has("completed") ? jobEvents : undefined;
    });
    for (const event of orderCreated) expect(event, `OrderCreated ${event.state}`).toMatchObject({ queue: "payment-inbox", traceId });
    expect(orderCreated.find((event) => event.state === "added")).toMatchObject({ service: "order-service" });
    expect(orderCreated.find((event) => event.state === "completed")).toMatchObject({ service: "payment-service" });

    // The trace goes on past the payment: the PaymentSucceeded job that marks the order paid carries it too.
    const paid = await watcher!.waitForEvents("PaymentSucceeded completed in order-service's inbox", (events) =>
      queue(events).find((event) => event.job === "PaymentSucceeded" && event.jobId.includes(orderId) && event.queue === "order-inbox" && event.state === "completed"),
    );
    expect(paid.traceId).toBe(traceId);
  });

  it("marks every event of a generated shopper's trace as traffic, into its queue jobs, and none of a person's", async () => {
    const personal = watcher!.events.filter((event) => event.type === "http" || event.type === "queue");
    expect(personal.length).toBeGreaterThan(0);
    expect(personal.filter((event) => "origin" in event && event.origin !== undefined)).toEqual([]);

    const json = { "content-type": "application/json" };
    expect((await fetch(`${app.origin}/api/traffic`, { method: "POST", headers: json, body: JSON.stringify({ rps: 20 }) })).ok).toBe(true);
    try {
      const paid = await watcher!.waitForEvents(
        "a generated order's PaymentSucceeded handled",
        (events) => queue(events).find((event) => event.job === "PaymentSucceeded" && event.queue === "order-inbox" && event.state === "completed" && event.origin === "traffic"),
        30_000,
      );
      // Each process sends its own events every 20 ms: payment-service's "OrderCreated completed" may come a batch
      // after order-service's "PaymentSucceeded completed", which its handler caused. The trace is read once it is in.
      await watcher!.waitForEvents("the generated order's OrderCreated completed", (events) =>
        queue(events).find((event) => event.traceId === paid.traceId && event.job === "OrderCreated" && event.state === "completed"),
      );
      const trace = watcher!.events.filter((event) => (event.type === "http" || event.type === "queue") && event.traceId === paid.traceId);
      expect(trace.some((event) => event.type === "http" && event.from === "client" && event.method === "POST")).toBe(true);
      expect(trace.some((event) => event.type === "http" && event.from === "api-gateway")).toBe(true);
      expect(trace.some((event) => event.type === "queue" && event.job === "OrderCreated" && event.state === "completed")).toBe(true);
      for (const event of trace) expect(event, `${event.type} event ${event.seq}`).toMatchObject({ origin: "traffic" });
      // A job is taken only after it was handed to the broker: its wait in the queue is never negative.
      for (const added of queue(trace).filter((event) => event.state === "added")) {
        const taken = queue(trace).find((event) => event.state === "active" && event.queue === added.queue && event.jobId === added.jobId);
        if (taken) expect(taken.ts, `${added.job} in ${added.queue}`).toBeGreaterThanOrEqual(added.ts);
      }
    } finally {
      await fetch(`${app.origin}/api/traffic`, { method: "DELETE" });
    }
  });

  it("carries every event a service is driven to emit (the bench's drive) to the browser, none dropped", async () => {
    const droppedBefore = (await app.state()).droppedEvents;
    const { pid } = await app.service("product-service");
    process.kill(pid!, "SIGUSR2");
    const driven = await watcher!.waitForEvents(`${DRIVEN_PER_SECOND} driven events`, (events) => {
      const mine = http(events).filter((event) => event.path === BENCH_TELEMETRY_PATH);
      return mine.length >= DRIVEN_PER_SECOND ? mine : undefined;
    });
    expect(driven).toHaveLength(DRIVEN_PER_SECOND);
    expect(new Set(driven.map((event) => event.to))).toEqual(new Set(["product-service"]));
    expect(new Set(driven.map((event) => event.spanId)).size).toBe(DRIVEN_PER_SECOND);
    // Numbered in the order they were sent, with nothing counted lost on the way.
    expect(driven.every((event, i) => i === 0 || event.seq > driven[i - 1].seq)).toBe(true);
    expect((await app.state()).droppedEvents).toBe(droppedBefore);
  });

  it("shows a killed service going from healthy through stopping to stopped", async () => {
    const { pid } = await app.service("notification-service");
    const killed = await serviceAction(app, "notification-service", "kill");
    expect(killed.status).toBe(200);

    const transitions = await watcher!.waitForEvents("notification-service's lifecycle events", (events) => {
      const mine = lifecycle(events).filter((event) => event.service === "notification-service" && event.pid === pid);
      return mine.some((event) => event.to === "stopped") ? mine : undefined;
    });
    expect(transitions.map((event) => `${event.from}→${event.to}`)).toEqual(["healthy→stopping", "stopping→stopped"]);
    expect(transitions[0].seq).toBeLessThan(transitions[1].seq);
  });
});
