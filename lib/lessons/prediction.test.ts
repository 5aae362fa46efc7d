// Predict, then watch: the gate that holds a step until the learner answered, the refusals, and the verdict.
import { describe, expect, it } from "vitest";
import { findLesson } from "./lessons";
import { predictionGate, refusePrediction, verdictOf } from "./prediction";

const step = findLesson("blast-radius")!.steps[1];

describe("prediction", () => {
  it("holds the step until an answer or a skip, and asks nothing of a step without a question", () => {
    expect(predictionGate(step, null)).toMatchObject({ met: false, missing: "answer the question above, or skip it" });
    expect(predictionGate(step, { choice: null, late: false })?.met).toBe(true);
    expect(predictionGate(findLesson("blast-radius")!.steps[0], null)).toBeNull();
  });
  it("refuses an answer that is not a choice, a second answer, and a step without a question", () => {
    expect(refusePrediction(step, "maybe", null)).toMatch(/^“maybe” is not one of the answers/);
    expect(refusePrediction(step, "products", { choice: "everything", late: false })).toBe("the prediction for this step is already locked");
    expect(refusePrediction(findLesson("blast-radius")!.steps[0], "x", null)).toMatch(/asks for no prediction$/);
    expect(refusePrediction(step, null, null)).toBeNull();
  });
  it("says right or wrong, explains the misconception of a wrong answer, and gives the reason either way", () => {
    const wrong = verdictOf(step, { choice: "everything", late: false })!;
    expect(wrong).toMatchObject({ correct: false, expected: "Browsing, and what needs products" });
    expect(wrong.explain).toBe(step.predict!.choices.find((choice) => choice.id === "everything")!.explain);
    expect(wrong.why).toBe(step.predict!.choices.find((choice) => choice.id === "products")!.explain);
    expect(verdictOf(step, { choice: "products", late: false })?.correct).toBe(true);
    expect(verdictOf(step, { choice: null, late: false })?.correct).toBeNull();
  });
});
