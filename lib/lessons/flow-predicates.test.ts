// The checks on how the shop's parts talked, each against recorded telemetry where the outcome happened and where it
// nearly did: a chain with one event missing or out of order, a breaker that never closed, a queue level.
import { describe, expect, it } from "vitest";
import type { CircuitEvent, HttpEvent } from "../contract/events";
import type { PredicateSpec } from "../contract/lessons";
import type { ShopperSample } from "./check-input";
import { call, input, job, T0 } from "./testing/check-fixtures";
import { evaluate } from "./predicates";

const circuit = (ts: number, state: CircuitEvent["state"]): CircuitEvent => ({ type: "circuit", ts, stack: "microservices", from: "api-gateway", to: "product-service", state, reason: "test" });
const shopper = (at: number): ShopperSample => ({ stack: "microservices", method: "GET", path: "/api/products", status: 200, durationMs: 5, at });
const entry = (ts: number, traceId: string, durationMs: number): HttpEvent => ({ ...call(ts, "client", "api-gateway", 202, "POST", "/api/orders"), traceId, durationMs });

describe("traceChain", () => {
  const spec: PredicateSpec = { is: "traceChain", stack: "microservices", chain: ["OrderCreated", "PaymentSucceeded", "EmailSent"], answeredFirst: true };
  const chain = (trace: string, from: number) => [job(from + 10, trace, "OrderCreated"), job(from + 20, trace, "PaymentSucceeded"), job(from + 30, trace, "EmailSent")];
  it("passes when one trace went the whole chain in order after the shopper had the answer, with the times measured from the request", () => {
    const events = [entry(T0 + 5, "a", 5), ...chain("a", T0)];
    expect(evaluate(spec, input({ events }))).toMatchObject({ met: true, satisfiedAt: T0 + 30, figures: { answerMs: 5, "PaymentSucceeded.afterMs": 20, doneAfterMs: 30 } });
  });
  it("reads the order from when each job was published: a job's completion may land after the next one's", () => {
    const events = [entry(T0 + 5, "a", 5), job(T0 + 8, "a", "OrderCreated", "added"), job(T0 + 12, "a", "PaymentSucceeded", "added"), job(T0 + 20, "a", "PaymentSucceeded"), job(T0 + 22, "a", "OrderCreated"), job(T0 + 25, "a", "EmailSent", "added"), job(T0 + 30, "a", "EmailSent")];
    expect(evaluate(spec, input({ events }))).toMatchObject({ met: true, satisfiedAt: T0 + 30, figures: { chainMs: 22, doneAfterMs: 30 } });
    const swapped = [entry(T0 + 5, "a", 5), job(T0 + 12, "a", "OrderCreated", "added"), job(T0 + 8, "a", "PaymentSucceeded", "added"), job(T0 + 20, "a", "PaymentSucceeded"), job(T0 + 22, "a", "OrderCreated"), job(T0 + 30, "a", "EmailSent")];
    expect(evaluate(spec, input({ events: swapped })).met).toBe(false);
  });
  it("does not pass with one event of the chain missing, or in another trace", () => {
    const events = [entry(T0 + 5, "a", 5), job(T0 + 10, "a", "OrderCreated"), job(T0 + 20, "a", "PaymentSucceeded"), job(T0 + 30, "b", "EmailSent")];
    expect(evaluate(spec, input({ events }))).toMatchObject({ met: false, missing: "seen OrderCreated, PaymentSucceeded in one trace; waiting for EmailSent" });
  });
  it("does not pass when the chain ran out of order, or only added its last job", () => {
    expect(evaluate(spec, input({ events: [entry(T0 + 5, "a", 5), job(T0 + 30, "a", "OrderCreated"), job(T0 + 20, "a", "PaymentSucceeded"), job(T0 + 40, "a", "EmailSent")] })).met).toBe(false);
    expect(evaluate(spec, input({ events: [entry(T0 + 5, "a", 5), job(T0 + 10, "a", "OrderCreated"), job(T0 + 20, "a", "PaymentSucceeded"), job(T0 + 30, "a", "EmailSent", "added")] })).met).toBe(false);
  });
  it("says the run contradicts the claim when the chain was done before the shopper's answer, and waits for a request it saw", () => {
    expect(evaluate(spec, input({ events: [entry(T0 + 40, "a", 40), ...chain("a", T0)] })).contradicts).toBe("the chain was done 30 ms in, before the shopper's answer (40 ms)");
    expect(evaluate(spec, input({ events: chain("a", T0) })).missing).toBe("the order seen was placed before this step: waiting for one placed in it");
  });
  it("passes on this step's order when an order placed before the step finished its chain inside it", () => {
    const events = [...chain("old", T0), entry(T0 + 105, "new", 5), ...chain("new", T0 + 100)];
    expect(evaluate(spec, input({ events }))).toMatchObject({ met: true, satisfiedAt: T0 + 130 });
  });
});

describe("breakerSequence", () => {
  const spec: PredicateSpec = { is: "breakerSequence", to: "product-service" };
  it("passes on open → half-open → closed", () => {
    expect(evaluate(spec, input({ events: [circuit(T0 + 1, "open"), circuit(T0 + 5_001, "half-open"), circuit(T0 + 5_010, "closed")] }))).toMatchObject({ met: true, satisfiedAt: T0 + 5_010 });
  });
  it("does not pass while the trial failed and it opened again, or when it closed without having opened", () => {
    expect(evaluate(spec, input({ events: [circuit(T0 + 1, "open"), circuit(T0 + 5_001, "half-open"), circuit(T0 + 5_010, "open")] })).missing).toBe("seen open → half-open; waiting for closed");
    expect(evaluate(spec, input({ events: [circuit(T0 + 1, "closed")] })).missing).toBe("the breaker to product-service has not opened");
  });
});

describe("calls and amplification", () => {
  const into = (count: number, from: number) => Array.from({ length: count }, (_, index) => call(from + index * 100, "api-gateway", "product-service", 200));
  it("counts calls reaching a service per second over the phase after the change, and says a rate that stays high contradicts", () => {
    const spec: PredicateSpec = { is: "calls", stack: "microservices", to: "product-service", figure: "perS", phase: "after", below: 4 };
    const quiet = input({ changeAt: T0, settleMs: 0, now: T0 + 5_000, events: into(10, T0) });
    expect(evaluate(spec, quiet)).toMatchObject({ met: true, figures: { "product-service.calls.perS": 2 } });
    const busy = input({ changeAt: T0, settleMs: 0, now: T0 + 5_000, events: into(50, T0) });
    expect(evaluate(spec, busy).contradicts).toBe("measured 10 calls/s");
  });
  it("counts only the calls a service answered, not those its caller could not send for want of an instance", () => {
    const spec: PredicateSpec = { is: "calls", stack: "microservices", to: "product-service", figure: "answeredPerS", phase: "after", below: 1 };
    const unsent = Array.from({ length: 50 }, (_, index) => call(T0 + index * 100, "api-gateway", "product-service", 0));
    expect(evaluate(spec, input({ changeAt: T0, settleMs: 0, now: T0 + 5_000, events: unsent }))).toMatchObject({ met: true, figures: { "product-service.calls.answeredPerS": 0 } });
    const failing = unsent.map((event) => ({ ...event, status: 500 }));
    expect(evaluate(spec, input({ changeAt: T0, settleMs: 0, now: T0 + 5_000, events: failing })).contradicts).toBe("measured 10 calls/s");
  });
  it("measures calls reaching a service per shopper's request", () => {
    const spec: PredicateSpec = { is: "amplification", stack: "microservices", to: "product-service", phase: "step", above: 1.5 };
    const shoppers = Array.from({ length: 20 }, (_, index) => shopper(T0 + index * 100));
    expect(evaluate(spec, input({ shoppers, events: into(40, T0) }))).toMatchObject({ met: true, figures: { "product-service.perRequest": 2 } });
    expect(evaluate(spec, input({ shoppers, events: into(20, T0) })).contradicts).toBe("measured 1 calls per request (20 calls for 20 requests)");
  });
});

describe("networkHops", () => {
  it("counts calls between processes per shopper's request, not function calls inside one", () => {
    const shoppers = Array.from({ length: 20 }, (_, index) => ({ ...shopper(T0 + index * 100), stack: "monolith" as const }));
    const inside = Array.from({ length: 20 }, (_, index): HttpEvent => ({ ...call(T0 + index * 100, "monolith", "monolith", 200), stack: "monolith", via: "in-process" }));
    const spec: PredicateSpec = { is: "networkHops", stack: "monolith", below: 0.05 };
    expect(evaluate(spec, input({ shoppers, events: inside }))).toMatchObject({ met: true, figures: { "monolith.hopsPerRequest": 0, "monolith.functionCallsPerRequest": 1 } });
    const crossing = inside.map((event) => ({ ...event, via: "http" as const }));
    expect(evaluate(spec, input({ shoppers, events: crossing })).contradicts).toBe("measured 1 hops per request");
  });
});

describe("queueFlow and redelivered", () => {
  it("sees a queue filling only when more jobs went in than out", () => {
    const spec: PredicateSpec = { is: "queueFlow", stack: "microservices", queue: "q", trend: "rising", phase: "step", minJobs: 3 };
    const added = Array.from({ length: 5 }, (_, index) => job(T0 + index, `t${index}`, "OrderCreated", "added"));
    expect(evaluate(spec, input({ events: added })).met).toBe(true);
    const handled = added.map((event) => ({ ...event, state: "completed" as const, ts: event.ts + 10 }));
    expect(evaluate(spec, input({ events: [...added, ...handled] })).missing).toBe("5 in, 5 out so far");
  });
  it("says a queue that drains while it should fill contradicts the claim, once measured for a few seconds", () => {
    const spec: PredicateSpec = { is: "queueFlow", stack: "microservices", queue: "q", trend: "rising", phase: "after", minJobs: 3 };
    const changeAt = T0 + 1_000;
    const handled = Array.from({ length: 4 }, (_, index) => job(changeAt + 2_000 + index, `t${index}`, "OrderCreated", "completed"));
    expect(evaluate(spec, input({ events: handled, changeAt, settleMs: 1_000, now: changeAt + 5_000 }))).toMatchObject({ met: false, contradicts: "measured 0 in and 4 out: it is draining" });
    // Too short a measurement says nothing yet.
    expect(evaluate(spec, input({ events: handled, changeAt, settleMs: 1_000, now: changeAt + 3_500 })).contradicts).toBeUndefined();
  });
  it("sees a job delivered twice (a second attempt or a stall), and not a job delivered once", () => {
    const spec: PredicateSpec = { is: "redelivered", stack: "microservices" };
    expect(evaluate(spec, input({ events: [job(T0, "a", "OrderCreated", "active")] })).met).toBe(false);
    expect(evaluate(spec, input({ events: [{ ...job(T0, "a", "OrderCreated", "active"), attempt: 2 }] }))).toMatchObject({ met: true, figures: { redeliveredJob: "OrderCreated", attempt: 2, how: "tried again after a failure, attempt 2" } });
    expect(evaluate(spec, input({ events: [job(T0, "a", "OrderCreated", "stalled")] })).met).toBe(true);
    // A stall is reported by id only: the job's name is found from its other events.
    const stalled = { ...job(T0 + 9, "a", "", "stalled"), jobId: "OrderCreated-a", attempt: 0 };
    expect(evaluate(spec, input({ events: [job(T0, "a", "OrderCreated", "active"), stalled] }))).toMatchObject({ met: true, figures: { redeliveredJob: "OrderCreated", how: "its consumer died holding it" } });
  });
});

describe("queueWait", () => {
  /** A job published at `added` and taken by a consumer `waited` ms later. */
  const waited = (trace: string, added: number, waitedMs: number, attempt = 1) => [job(added, trace, "OrderCreated", "added"), { ...job(added + waitedMs, trace, "OrderCreated", "active"), attempt }];

  it("measures the median time from a job's publishing to a consumer taking it, over the jobs taken in the phase", () => {
    const spec: PredicateSpec = { is: "queueWait", stack: "microservices", queue: "q", phase: "step", above: 2_000, minJobs: 3 };
    const events = [...waited("a", T0 + 100, 1_000), ...waited("b", T0 + 200, 3_000), ...waited("c", T0 + 300, 5_000)];
    expect(evaluate(spec, input({ events }))).toMatchObject({ met: true, figures: { "q.waitP50Ms": 3_000, "q.taken": 3 } });
  });

  it("says short waits contradict a claim of long ones, and counts only first attempts of jobs it saw published", () => {
    const spec: PredicateSpec = { is: "queueWait", stack: "microservices", queue: "q", phase: "step", above: 2_000, minJobs: 3 };
    const events = [...waited("a", T0 + 100, 10), ...waited("b", T0 + 200, 20), ...waited("c", T0 + 300, 30), ...waited("d", T0 + 400, 9_000, 2), job(T0 + 9_000, "e", "OrderCreated", "active")];
    expect(evaluate(spec, input({ events }))).toMatchObject({ met: false, figures: { "q.waitP50Ms": 20, "q.taken": 3 }, contradicts: "measured a median wait of 20 ms over 3 jobs" });
  });

  it("waits for enough jobs, and for the change when it measures after it", () => {
    const few: PredicateSpec = { is: "queueWait", stack: "microservices", queue: "q", phase: "step", below: 1_000, minJobs: 3 };
    expect(evaluate(few, input({ events: waited("a", T0 + 100, 10) }))).toMatchObject({ met: false, missing: "1 of 3 jobs taken so far" });
    const after: PredicateSpec = { is: "queueWait", stack: "microservices", queue: "q", phase: "after", below: 1_000, minJobs: 1 };
    expect(evaluate(after, input({ events: waited("a", T0 + 100, 10) })).missing).toBe("waiting for the step's change to be made");
    // A job taken before the change (plus its settling) is not counted after it.
    expect(evaluate(after, input({ events: waited("a", T0 + 100, 10), changeAt: T0 + 1_000 })).missing).toBe("0 of 1 jobs taken so far");
  });
});
