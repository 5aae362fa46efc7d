// The learner's progress: what a run adds, predictions, and a file that is not progress being refused.
import { describe, expect, it } from "vitest";
import type { LessonRun } from "../contract/lessons";
import { EMPTY_PROGRESS, parseProgress, recordPrediction, recordRun } from "./lesson-progress";

const run = (statuses: Array<"done" | "active" | "pending">, result: string[] | null = null): LessonRun => ({
  lessonId: "payment-outage",
  stepIndex: statuses.indexOf("active"),
  preparing: null,
  steps: statuses.map((status, index) => ({ id: `s${index}`, status, checks: [], figures: {}, satisfiedAt: null, measured: null, prediction: null, verdict: null, contradiction: null, moment: null })),
  broken: null,
  challenge: null,
  result,
  error: null,
});

describe("lesson progress", () => {
  it("records the steps a run has done, and the lesson once its result card is there", () => {
    const once = recordRun(EMPTY_PROGRESS, run(["done", "active", "pending"]));
    expect(once.lessons["payment-outage"]).toEqual({ done: ["s0"], predictions: {}, completed: false });
    expect(recordRun(once, run(["done", "active", "pending"]))).toBe(once);
    expect(recordRun(once, run(["done", "done", "done"], ["line"])).lessons["payment-outage"]).toMatchObject({ done: ["s0", "s1", "s2"], completed: true });
  });
  it("keeps what a finished run measured against the claim, and how many predictions were right, for the course map", () => {
    const finished = run(["done", "done", "done"], ["3 orders accepted", "0 charged twice"]);
    finished.steps[1].verdict = { correct: true, expected: "a", explain: "", why: "" };
    finished.steps[2].verdict = { correct: false, expected: "b", explain: "", why: "" };
    const recorded = recordRun(EMPTY_PROGRESS, finished);
    expect(recorded.lessons["payment-outage"]).toMatchObject({ completed: true, measured: ["3 orders accepted", "0 charged twice"], right: { right: 1, of: 2 } });
    expect(recordRun(recorded, finished)).toBe(recorded);
    expect(parseProgress(JSON.stringify(recorded))).toEqual(recorded);
  });
  it("keeps a prediction per step, and survives a round trip through a file", () => {
    const progress = recordPrediction(EMPTY_PROGRESS, "payment-outage", "s1", "wait");
    expect(parseProgress(JSON.stringify(progress))).toEqual(progress);
  });
  it("refuses a file that is not progress", () => {
    expect(parseProgress("not json")).toBeNull();
    expect(parseProgress(JSON.stringify({ version: 2, lessons: {} }))).toBeNull();
    expect(parseProgress(JSON.stringify({ version: 1, lessons: { x: { done: "s0" } } }))).toBeNull();
  });
});
