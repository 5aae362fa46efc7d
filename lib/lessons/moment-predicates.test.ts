// A look back is checked on what the marked moment shows: a job in flight then, the service down then, the shopper
// answered then; the same moment a little earlier or later does not pass.
import { describe, expect, it } from "vitest";
import type { PredicateSpec } from "../contract/lessons";
import { evaluate } from "./predicates";
import { firstMoment, readMoment } from "./moment-predicates";
import { T0, input, lifecycle, orderPlaced } from "./testing/check-fixtures";
import type { QueueEvent } from "../contract/events";

const jobEvent = (ts: number, state: QueueEvent["state"], attempt = 1, traceId = "t-order"): QueueEvent => ({ type: "queue", ts, stack: "microservices", queue: "payment-inbox", job: "OrderCreated", jobId: "job-1", state, attempt, service: state === "added" ? "order-service" : "payment-service", traceId });

// An order answered at +100, its job published at +300 and taken at +320; payment-service killed at +1000 holding it,
// started again at +2000; the job stalls and is taken again at +3000, done at +3050.
const answer = { ...orderPlaced(T0 + 100), traceId: "t-order" };
const events = [
  answer,
  jobEvent(T0 + 300, "added"),
  jobEvent(T0 + 320, "active"),
  { ...lifecycle(T0 + 1_000, "payment-service", "healthy", "stopping"), reason: "killed by the user" },
  lifecycle(T0 + 1_010, "payment-service", "stopping", "stopped"),
  lifecycle(T0 + 2_000, "payment-service", "stopped", "starting"),
  lifecycle(T0 + 2_100, "payment-service", "starting", "healthy"),
  jobEvent(T0 + 2_900, "stalled"),
  jobEvent(T0 + 3_000, "active", 2),
  jobEvent(T0 + 3_050, "completed", 2),
];

const atKill: PredicateSpec & { is: "momentFound" } = { is: "momentFound", stack: "microservices", queue: "payment-inbox", serviceDown: "payment-service", answered: false };
const afterAnswer: PredicateSpec & { is: "momentFound" } = { is: "momentFound", stack: "microservices", queue: "payment-inbox", answered: true };

describe("momentFound", () => {
  it("waits for a marked moment, and says how to make one", () => {
    expect(evaluate(atKill, input({ events }))).toMatchObject({ met: false, missing: "rewind or play in slow motion, stop on the moment and mark it" });
  });

  it("passes on a moment after the kill with the job still held, naming the job and how long after the kill", () => {
    const outcome = evaluate(atKill, input({ events, moment: { at: T0 + 1_500, markedAt: T0 + 9_000 } }));
    expect(outcome).toMatchObject({ met: true, satisfiedAt: T0 + 9_000, figures: { "moment.job": "OrderCreated", "moment.state": "taken by payment-service", "moment.sinceDownMs": 500 } });
  });

  it("does not pass on a moment before the kill, or after the restart, and says what that moment showed", () => {
    expect(evaluate(atKill, input({ events, moment: { at: T0 + 900, markedAt: T0 + 9_000 } })).missing).toBe("not that moment: payment-service was running at that moment");
    expect(evaluate(atKill, input({ events, moment: { at: T0 + 2_500, markedAt: T0 + 9_000 } })).met).toBe(false);
  });

  it("with a service down, wants a job it had taken: one still waiting in the queue is not the one it held", () => {
    const waiting = [jobEvent(T0 + 300, "added"), ...events.filter((event) => event.type === "lifecycle")];
    expect(evaluate(atKill, input({ events: waiting, moment: { at: T0 + 1_500, markedAt: T0 + 9_000 } })).missing).toBe("not that moment: payment-service held no job of payment-inbox then (1 waiting in the queue)");
  });

  it("with a service down, takes a job as held when its taking went unreported (killed at once) but it stalled later", () => {
    const unreported = events.filter((event) => !(event.type === "queue" && event.state === "active" && event.attempt === 1));
    expect(evaluate(atKill, input({ events: unreported, moment: { at: T0 + 1_500, markedAt: T0 + 9_000 } }))).toMatchObject({ met: true, figures: { "moment.state": "taken by payment-service" } });
  });

  it("does not pass on a moment with no job in flight", () => {
    const kill = events.filter((event) => event.type === "lifecycle");
    expect(evaluate(atKill, input({ events: kill, moment: { at: T0 + 1_500, markedAt: T0 + 9_000 } })).missing).toBe("not that moment: no job of payment-inbox was in flight at that moment");
  });

  it("with `answered`: passes between the shopper's answer and the job's end, not before the answer", () => {
    const beforeAnswer = [jobEvent(T0 + 50, "added"), answer, jobEvent(T0 + 120, "completed")];
    expect(evaluate(afterAnswer, input({ events: beforeAnswer, moment: { at: T0 + 60, markedAt: T0 } })).missing).toMatch(/no shopper had been answered for it yet/);
    expect(evaluate(afterAnswer, input({ events: beforeAnswer, moment: { at: T0 + 110, markedAt: T0 } }))).toMatchObject({ met: true, figures: { "moment.sinceAnswerMs": 10, "moment.state": "waiting in the queue" } });
    expect(evaluate(afterAnswer, input({ events: beforeAnswer, moment: { at: T0 + 120, markedAt: T0 } })).met).toBe(false);
  });
});

describe("firstMoment", () => {
  it("finds the middle of the first stretch of moments the check accepts, and the check then passes on it", () => {
    // Down from the kill (+1000) until the restart began (+2000).
    const at = firstMoment(atKill, events);
    expect(at).toBe(T0 + 1_500);
    expect(typeof readMoment(atKill, events, at!)).toBe("object");
    // Answered at +100, the job published at +300 and done at +3050.
    expect(firstMoment(afterAnswer, events)).toBe(T0 + 1_675);
  });

  it("finds none when the run holds no such moment", () => {
    expect(firstMoment(atKill, events.filter((event) => event.type !== "lifecycle"))).toBeNull();
  });
});
