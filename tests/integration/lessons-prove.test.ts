// Every lesson, run to its end by its own solutions against the real shop, proves its claim in what was measured:
// each step passes on its numbers, each prediction's expected answer gets "right", and the figures bear the claim out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Figures } from "../../lib/contract/lessons";
import { lessons } from "../../lib/lessons/lessons";
import { startApp, type RunningApp } from "./support/app";
import { LessonDriver } from "./support/lesson-driver";

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

const num = (figures: Figures, name: string): number => {
  const value = figures[name];
  if (typeof value !== "number") throw new Error(`figure ${name} was not measured: ${JSON.stringify(figures)}`);
  return value;
};

/** Each lesson's claim, read in its own measured figures (by step). */
const CLAIMS: Record<string, (byStep: Record<string, Figures>) => void> = {
  "order-journey": ({ "follow-events": journey, "look-back": look }) => {
    expect(num(journey, "PaymentSucceeded.afterMs")).toBeGreaterThan(num(journey, "answerMs"));
    expect(look["moment.job"]).toBe("OrderCreated");
    expect(num(look, "moment.sinceAnswerMs")).toBeGreaterThanOrEqual(0);
  },
  "payment-outage": ({ "accept-orders": accepted, drain }) => {
    expect(num(accepted, "accepted")).toBeGreaterThanOrEqual(3);
    expect([num(drain, "pending"), num(drain, "chargedTwice")]).toEqual([0, 0]);
  },
  "rolling-redeploy": ({ rolling }) => {
    expect(num(rolling, "failed")).toBe(0);
    expect(num(rolling, "kept")).toBe(num(rolling, "of"));
  },
  "monolith-redeploy": ({ redeploy, rolling }) => {
    expect(num(redeploy, "failed")).toBeGreaterThan(0);
    expect(num(rolling, "unavailableMs")).toBeLessThan(num(redeploy, "unavailableMs"));
  },
  "scale-hot-service": ({ "scale-service": scaled, "scale-monolith": monolith }) => {
    expect(num(scaled, "microservices.browse.p95Ms.after") * 2).toBeLessThanOrEqual(num(scaled, "microservices.browse.p95Ms.before"));
    expect(num(monolith, "monolith.memoryMB")).toBeLessThan(num(monolith, "microservices.memoryMB"));
  },
  "noisy-neighbour": ({ hog }) => expect(num(hog, "monolith.browse.p95Ms.after")).toBeGreaterThanOrEqual(2 * num(hog, "monolith.browse.p95Ms.before")),
  "circuit-breaker": ({ breaker }) => expect(num(breaker, "microservices.browse.failedP50Ms.after") * 5).toBeLessThanOrEqual(num(breaker, "microservices.browse.failedP50Ms.before")),
  "start-with-monolith": ({ hops, faster, "hot-module": hot }) => {
    expect(num(hops, "monolith.hopsPerRequest")).toBeLessThan(num(hops, "microservices.hopsPerRequest"));
    expect(num(faster, "monolith.p50Ms")).toBeLessThan(num(faster, "microservices.p50Ms"));
    expect(num(hot, "microservices.browse.p95Ms")).toBeLessThan(num(hot, "monolith.browse.p95Ms"));
  },
  "at-least-once": ({ "die-holding": died, "find-held-job": look, "same-key": sameKey }) => {
    expect([look["moment.job"], look["moment.state"]]).toEqual(["OrderCreated", "taken by payment-service"]);
    expect(died.redeliveredJob).toBe("OrderCreated");
    expect(num(died, "chargedTwice")).toBe(0);
    expect([num(sameKey, "created"), num(sameKey, "givenBack")]).toEqual([1, 1]);
  },
  "slow-dependency": ({ slow, timeout, breaker }) => {
    expect(num(slow, "microservices.notifications.p95Ms") * 3).toBeLessThan(num(slow, "microservices.browse.p95Ms"));
    expect(num(timeout, "microservices.browse.failedP50Ms")).toBeLessThan(1_000);
    expect(num(breaker, "microservices.browse.failedP50Ms.after") * 5).toBeLessThanOrEqual(num(breaker, "microservices.browse.failedP50Ms.before"));
  },
  "health-lies": ({ lie, ready, heal, "front-door": frontDoor }) => {
    expect(num(lie, "microservices.browse.errorRate")).toBeGreaterThan(0.9);
    expect(lie["product-service.status"]).toBe("healthy");
    expect(ready["product-service.readiness"]).toBe("not ready");
    expect(num(ready, "product-service.calls.answeredPerS")).toBeLessThan(1);
    expect(num(heal, "microservices.browse.errorRate")).toBeLessThan(0.05);
    expect(frontDoor["microservices.workingFeatures"]).toBe("none");
    expect(num(frontDoor, "kept")).toBe(num(frontDoor, "of"));
  },
  "retries-storm": ({ flaky, retry, storm }) => {
    expect(num(retry, "microservices.browse.errorRate.after") * 4).toBeLessThanOrEqual(num(flaky, "microservices.browse.errorRate"));
    expect(num(storm, "product-service.perRequest")).toBeGreaterThan(2);
    expect(num(storm, "microservices.browse.errorRate")).toBeGreaterThan(0.4);
  },
  backpressure: ({ steady, slow, scale }) => {
    expect(num(slow, "payment-inbox.inPerS")).toBeGreaterThan(num(slow, "payment-inbox.outPerS"));
    expect(num(slow, "payment-inbox.waitP50Ms")).toBeGreaterThan(10 * Math.max(1, num(steady, "payment-inbox.waitP50Ms")));
    expect(num(scale, "payment-inbox.outPerS")).toBeGreaterThan(num(scale, "payment-inbox.inPerS"));
  },
  "saga-compensates": ({ declined }) => expect(num(declined, "InventoryUpdated.afterMs")).toBeGreaterThan(num(declined, "PaymentFailed.afterMs")),
  "database-per-service": ({ "own-tables": owned, "one-file": shared }) => {
    expect([owned["orders.readers"], owned["charges.readers"], owned.stack]).toEqual(["order-service", "payment-service", "microservices"]);
    expect([shared["orders.readers"], shared["charges.readers"], shared.stack]).toEqual(["monolith", "monolith", "monolith"]);
  },
};

describe("every lesson proves its claim when run by its own solutions", () => {
  for (const lesson of lessons()) {
    it(`${lesson.id}: every step passes on its measurement, and the claim holds in the figures`, async () => {
      await driver.start(lesson.id);
      const byStep: Record<string, Figures> = {};
      for (const [index, step] of lesson.steps.entries()) {
        const before = await driver.run();
        if (before?.steps[index].status !== "done") {
          if (step.predict) await driver.predict(step.id, step.predict.expected);
          await driver.showMe();
        }
        const done = await driver.stepDone(index);
        byStep[step.id] = done.steps[index].figures;
        if (step.predict) expect(done.steps[index].verdict).toMatchObject({ correct: true });
      }
      const finished = await driver.run();
      expect(finished?.result?.every((line) => !line.includes("?")), finished?.result?.join(" | ")).toBe(true);
      CLAIMS[lesson.id]?.(byStep);
    }, 400_000);
  }
});
