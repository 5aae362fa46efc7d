// How the monolith's modules hear each other's events: every subscriber gets its copy, a key once, a failure is
// retried, the trace carries on, each step is reported like a queue job, and what is still in memory can be lost.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { QueueEvent, TelemetryEvent } from "../../../lib/contract/events";
import type { DomainEventPayloads } from "../../../lib/contract/shop";
import { createInProcessBus } from "./in-process-bus";
import { emit } from "./telemetry";
import { currentTrace, newSpanId, newTraceId, runInTrace } from "./trace";

vi.mock("./telemetry", () => ({ emit: vi.fn(), flush: vi.fn() }));
vi.mock("./log", () => ({ log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } }));

const queueEvents = () => vi.mocked(emit).mock.calls.map(([event]: [TelemetryEvent]) => event).filter((event): event is QueueEvent => event.type === "queue");
const steps = (queue: string) => queueEvents().filter((event) => event.queue === queue).map((event) => `${event.state}:${event.attempt}`);

const paid = (orderId: string): DomainEventPayloads["PaymentSucceeded"] => ({ orderId, userId: "u-1", paymentId: `pay-${orderId}`, amountCents: 5800 });

beforeEach(() => vi.mocked(emit).mockClear());

describe("the in-process bus", () => {
  it("delivers an event to every subscribing module, after the publisher's own work", async () => {
    const bus = createInProcessBus("monolith");
    const heard: string[] = [];
    bus.subscribe("order-service", { PaymentSucceeded: async ({ orderId }) => void heard.push(`order-service ${orderId}`) });
    bus.subscribe("product-service", { PaymentSucceeded: async ({ orderId }) => void heard.push(`product-service ${orderId}`) });
    bus.subscribe("notification-service", { PaymentSucceeded: async ({ orderId }) => void heard.push(`notification-service ${orderId}`) });

    await bus.publisherFor("payment-service").publish("PaymentSucceeded", paid("o-1"), "o-1");
    expect(heard).toEqual([]);
    await bus.drain();

    expect(heard.sort()).toEqual(["notification-service o-1", "order-service o-1", "product-service o-1"]);
  });

  it("gives each subscriber its own copy of the payload", async () => {
    const bus = createInProcessBus("monolith");
    const seen: string[] = [];
    const handler = async (payload: DomainEventPayloads["PaymentSucceeded"]) => {
      seen.push(payload.orderId);
      payload.orderId = "changed by a subscriber";
    };
    for (const module of ["order-service", "product-service", "notification-service"] as const) bus.subscribe(module, { PaymentSucceeded: handler });

    await bus.publisherFor("payment-service").publish("PaymentSucceeded", paid("o-1"), "o-1");
    await bus.drain();

    expect(seen).toEqual(["o-1", "o-1", "o-1"]);
  });

  it("takes an event with the same key once, as a queue does with the same job id", async () => {
    const bus = createInProcessBus("monolith");
    const charged: string[] = [];
    bus.subscribe("payment-service", { OrderCreated: async ({ orderId }) => void charged.push(orderId) });
    const publisher = bus.publisherFor("order-service");

    await publisher.publish("OrderCreated", { orderId: "o-1", userId: "u-1", totalCents: 100 }, "o-1");
    await publisher.publish("OrderCreated", { orderId: "o-1", userId: "u-1", totalCents: 100 }, "o-1");
    await bus.drain();
    await publisher.publish("OrderCreated", { orderId: "o-1", userId: "u-1", totalCents: 100 }, "o-1");
    await publisher.publish("OrderCreated", { orderId: "o-2", userId: "u-1", totalCents: 100 }, "o-2");
    await bus.drain();

    expect(charged).toEqual(["o-1", "o-2"]);
    expect(queueEvents().filter((event) => event.state === "added").map((event) => event.jobId)).toEqual(["OrderCreated-o-1", "OrderCreated-o-2"]);
  });

  it("retries a failing handler with a pause, and reports each attempt", async () => {
    const bus = createInProcessBus("monolith", { attempts: 3, backoffMs: 1 });
    let calls = 0;
    bus.subscribe("payment-service", {
      OrderCreated: async () => {
        if (++calls < 3) throw new Error("the card issuer did not answer");
      },
    });

    await bus.publisherFor("order-service").publish("OrderCreated", { orderId: "o-1", userId: "u-1", totalCents: 100 }, "o-1");
    await bus.drain();

    expect(calls).toBe(3);
    expect(steps("payment-inbox")).toEqual(["added:0", "active:1", "retry:1", "active:2", "retry:2", "active:3", "completed:3"]);
    expect(queueEvents().find((event) => event.state === "retry")).toMatchObject({ error: "the card issuer did not answer", service: "payment-service" });
  });

  it("reports an event failed once its attempts are used up", async () => {
    const bus = createInProcessBus("monolith", { attempts: 2, backoffMs: 1 });
    bus.subscribe("payment-service", { OrderCreated: async () => Promise.reject(new Error("always broken")) });

    await bus.publisherFor("order-service").publish("OrderCreated", { orderId: "o-1", userId: "u-1", totalCents: 100 }, "o-1");
    await bus.drain();

    expect(steps("payment-inbox")).toEqual(["added:0", "active:1", "retry:1", "active:2", "failed:2"]);
  });

  it("reports added, active and completed like a queue job, all in the publisher's trace", async () => {
    const bus = createInProcessBus("monolith");
    let traceInHandler: string | undefined;
    bus.subscribe("payment-service", { OrderCreated: async () => void (traceInHandler = currentTrace()?.traceId) });
    const publisher = { traceId: newTraceId(), spanId: newSpanId() };

    await runInTrace(publisher, () => bus.publisherFor("order-service").publish("OrderCreated", { orderId: "o-1", userId: "u-1", totalCents: 100 }, "o-1"));
    await bus.drain();

    const common = { type: "queue", stack: "monolith", queue: "payment-inbox", job: "OrderCreated", jobId: "OrderCreated-o-1", traceId: publisher.traceId };
    expect(queueEvents()).toEqual([
      expect.objectContaining({ ...common, state: "added", attempt: 0, service: "order-service" }),
      expect.objectContaining({ ...common, state: "active", attempt: 1, service: "payment-service" }),
      expect.objectContaining({ ...common, state: "completed", attempt: 1, service: "payment-service", durationMs: expect.any(Number) }),
    ]);
    expect(traceInHandler).toBe(publisher.traceId);
  });

  it("loses the events still in memory when it closes: nothing holds them outside the process", async () => {
    const bus = createInProcessBus("monolith");
    bus.subscribe("order-service", { PaymentSucceeded: async () => {} });
    await bus.publisherFor("order-service").publish("OrderCreated", { orderId: "o-1", userId: "u-1", totalCents: 100 }, "o-1");

    expect(await bus.close()).toBe(1);
    await expect(bus.publisherFor("order-service").publish("OrderCreated", { orderId: "o-2", userId: "u-1", totalCents: 100 }, "o-2")).rejects.toThrow(/closed/);
  });

  it("refuses a publish once an inbox holds its limit, as a full broker refuses an add", async () => {
    const bus = createInProcessBus("monolith", { maxWaiting: 1 });
    const publisher = bus.publisherFor("order-service");

    await publisher.publish("OrderCreated", { orderId: "o-1", userId: "u-1", totalCents: 100 }, "o-1");
    await expect(publisher.publish("OrderCreated", { orderId: "o-2", userId: "u-1", totalCents: 100 }, "o-2")).rejects.toThrow(/payment-inbox is full/);
  });
});
