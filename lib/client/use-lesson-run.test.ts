// Which address the server's lesson run already serves, and which sets a step up again: a reload keeps progress, a
// deep link into a finished lesson begins again at that step.
import { describe, expect, it } from "vitest";
import type { LessonRun } from "../contract/lessons";
import { runServes } from "./use-lesson-run";

const run = (statuses: Array<"done" | "active" | "pending">, result: boolean): LessonRun =>
  ({
    lessonId: "payment-outage",
    stepIndex: Math.max(0, statuses.indexOf("active")),
    preparing: null,
    steps: ["kill-payment", "accept-orders", "drain"].map((id, index) => ({ id, status: statuses[index], checks: [], figures: {} })),
    result: result ? ["0 charged twice"] : null,
  }) as unknown as LessonRun;

describe("runServes", () => {
  it("serves the active step and a step already done of a lesson under way (a reload keeps its progress)", () => {
    const underWay = run(["done", "active", "pending"], false);
    expect(runServes(underWay, "payment-outage", "accept-orders")).toBe(true);
    expect(runServes(underWay, "payment-outage", "kill-payment")).toBe(true);
    expect(runServes(underWay, "payment-outage", "drain")).toBe(false);
  });

  it("a finished lesson keeps its result at its last step, and begins again at any other (a deep link, the course map)", () => {
    const finished = run(["done", "done", "done"], true);
    expect(runServes(finished, "payment-outage", "drain")).toBe(true);
    expect(runServes(finished, "payment-outage", "accept-orders")).toBe(false);
    expect(runServes(finished, "payment-outage", "kill-payment")).toBe(false);
  });

  it("another lesson, or none, is never served", () => {
    expect(runServes(null, "payment-outage", "drain")).toBe(false);
    expect(runServes(run(["active", "pending", "pending"], false), "broker-crash", "kill-payment")).toBe(false);
  });
});
