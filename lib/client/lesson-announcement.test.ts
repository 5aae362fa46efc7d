// The live region's sentences: a tick, a step opening, the lesson ending; nothing when nothing new happened.
import { describe, expect, it } from "vitest";
import type { LessonRun } from "../contract/lessons";
import { findLesson } from "../lessons/lessons";
import { announce } from "./lesson-announcement";

const lesson = findLesson("payment-outage")!;
const run = (stepIndex: number, met: boolean[], result: string[] | null = null): LessonRun => ({
  lessonId: lesson.id,
  stepIndex,
  preparing: null,
  steps: lesson.steps.map((step, index) => ({ id: step.id, status: index < stepIndex ? "done" : index === stepIndex ? "active" : "pending", checks: index === stepIndex ? met.map((value, item) => ({ label: `check ${item}`, met: value, missing: "" })) : [], figures: {}, satisfiedAt: null, measured: null, prediction: null, verdict: null, contradiction: null, moment: null })),
  broken: null,
  challenge: null,
  result,
  error: null,
});

describe("announce", () => {
  it("says which check ticked", () => {
    expect(announce(lesson, run(1, [false, false]), run(1, [true, false]))).toBe("Done: check 0.");
  });
  it("says which step opened, with what to do", () => {
    expect(announce(lesson, run(0, [false]), run(1, [false, false]))).toMatch(/^Step 1 done\. Now step 2 of 3: Order while payment is dead\./);
  });
  it("says a restart is one, not a step done", () => {
    const sentence = announce(lesson, run(2, [false]), run(0, [false]));
    expect(sentence).toMatch(/^Lesson restarted\. Now step 1 of 3: /);
    expect(sentence).not.toContain("done");
  });
  it("reads the result when the lesson ends, and says nothing when nothing changed", () => {
    expect(announce(lesson, run(2, [false]), run(2, [true], ["3 orders accepted."]))).toContain("3 orders accepted.");
    expect(announce(lesson, run(1, [true, false]), run(1, [true, false]))).toBeNull();
  });
});
