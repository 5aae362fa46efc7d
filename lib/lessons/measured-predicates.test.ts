// The checks on shoppers' figures, each against recorded requests where the claim held and where it nearly did:
// a p95 just over its limit, one stack just not faster, a baseline taken after the change.
import { describe, expect, it } from "vitest";
import type { PredicateSpec } from "../contract/lessons";
import type { ShopperSample } from "./check-input";
import { input, T0 } from "./testing/check-fixtures";
import { evaluate } from "./predicates";

/** `count` browse requests to `stack`, one every 10 ms from `from`, each taking `ms` (status 0: no answer). */
const browse = (stack: ShopperSample["stack"], from: number, count: number, ms: number, status = 200): ShopperSample[] =>
  Array.from({ length: count }, (_, index) => ({ stack, method: "GET", path: "/api/products", status, durationMs: ms, at: from + index * 10 }));
const orders = (stack: ShopperSample["stack"], from: number, count: number, ms: number): ShopperSample[] =>
  Array.from({ length: count }, (_, index) => ({ stack, method: "POST", path: "/api/orders", status: 202, durationMs: ms, at: from + index * 10 }));

describe("shoppers", () => {
  const spec: PredicateSpec = { is: "shoppers", stack: "microservices", feature: "browse", figure: "p95Ms", phase: "step", above: 100, minAnswers: 20 };
  it("passes when the feature's p95 is above the limit", () => {
    expect(evaluate(spec, input({ shoppers: browse("microservices", T0, 40, 150) }))).toMatchObject({ met: true, figures: { "microservices.browse.p95Ms": 150 } });
  });
  it("does not pass when the p95 is just at the limit, and says what was measured", () => {
    expect(evaluate(spec, input({ shoppers: browse("microservices", T0, 40, 100) }))).toMatchObject({ met: false, contradicts: "measured p95 100 ms over 40 requests" });
  });
  it("counts only the named feature and stack, and waits for enough answers", () => {
    const shoppers = [...browse("microservices", T0, 10, 150), ...orders("microservices", T0, 40, 150), ...browse("monolith", T0, 40, 150)];
    expect(evaluate(spec, input({ shoppers }))).toMatchObject({ met: false, missing: "10 of 20 shoppers' requests measured" });
  });
  it("never counts a failure as a fast answer, but measures how long failures took", () => {
    const shoppers = [...browse("microservices", T0, 30, 2, 503)];
    expect(evaluate(spec, input({ shoppers })).met).toBe(false);
    const failedSlow: PredicateSpec = { is: "shoppers", stack: "microservices", feature: "browse", figure: "failedP50Ms", phase: "step", above: 800, minAnswers: 10 };
    expect(evaluate(failedSlow, input({ shoppers: browse("microservices", T0, 30, 1_000, 0) }))).toMatchObject({ met: true });
    expect(evaluate(failedSlow, input({ shoppers: browse("microservices", T0, 30, 5, 503) })).met).toBe(false);
  });
});

describe("stackVersus", () => {
  const spec: PredicateSpec = { is: "stackVersus", phase: "step", figure: "p50Ms", lower: "monolith", higher: "microservices", factor: 1, margin: 0.3, minAnswers: 20 };
  it("passes when the lower stack's figure is below the other's by the margin, under the same traffic", () => {
    const shoppers = [...browse("monolith", T0, 30, 4), ...browse("microservices", T0, 30, 6)];
    expect(evaluate(spec, input({ shoppers }))).toMatchObject({ met: true, figures: { "monolith.p50Ms": 4, "microservices.p50Ms": 6 } });
  });
  it("does not pass, and says so with both figures, when the other stack is as fast", () => {
    const shoppers = [...browse("monolith", T0, 30, 6), ...browse("microservices", T0, 30, 6.2)];
    expect(evaluate(spec, input({ shoppers })).contradicts).toBe("measured monolith p50 6 ms, microservices p50 6.2 ms");
  });
  it("waits while one stack has too few answers", () => {
    const shoppers = [...browse("monolith", T0, 30, 4), ...browse("microservices", T0, 5, 6)];
    expect(evaluate(spec, input({ shoppers })).missing).toBe("30 and 5 of 20 shoppers' requests measured (monolith, microservices)");
  });
});

describe("beforeAfter", () => {
  const spec: PredicateSpec = { is: "beforeAfter", stack: "monolith", feature: "browse", figure: "p95Ms", direction: "rises", factor: 2, margin: 20, minAnswers: 20 };
  const change = T0 + 1_000;
  const recorded = (afterMs: number) => input({ changeAt: change, settleMs: 500, shoppers: [...browse("monolith", T0, 30, 5), ...browse("monolith", change + 600, 30, afterMs)] });
  it("passes when the figure after the change is well above its baseline", () => {
    expect(evaluate(spec, recorded(150))).toMatchObject({ met: true, figures: { "monolith.browse.p95Ms.before": 5, "monolith.browse.p95Ms.after": 150 } });
  });
  it("does not pass when it rose by less than the factor and margin", () => {
    expect(evaluate(spec, recorded(20)).contradicts).toBe("measured before p95 5 ms, after p95 20 ms");
  });
  it("does not pass when the baseline was taken after the change: there is none", () => {
    const late = input({ changeAt: change, settleMs: 500, shoppers: browse("monolith", change + 600, 60, 150) });
    expect(evaluate(spec, late).contradicts).toMatch(/^no baseline: only 0 shoppers' requests were measured before the change/);
  });
  it("waits for the change, and for the system to settle after it", () => {
    expect(evaluate(spec, input({ shoppers: browse("monolith", T0, 30, 5) })).missing).toBe("baseline p95 5 ms; waiting for the step's change to be made");
    const unsettled = input({ changeAt: change, settleMs: 5_000, shoppers: [...browse("monolith", T0, 30, 5), ...browse("monolith", change + 600, 30, 150)] });
    expect(evaluate(spec, unsettled).met).toBe(false);
  });
  it("holds: passes near the baseline and not far above it", () => {
    const holds: PredicateSpec = { ...spec, direction: "holds" } as PredicateSpec;
    expect(evaluate(holds, recorded(20)).met).toBe(true);
    expect(evaluate(holds, recorded(150)).met).toBe(false);
  });
});
