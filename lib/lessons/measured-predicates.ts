// Checks on what shoppers got, in numbers: a figure against a limit, one stack against the other under the same
// traffic, and before the step's change against after it. Each says what is missing, or that the run contradicts it.
import type { StackId } from "../contract/events";
import type { PredicateSpec } from "../contract/lessons";
import { PHASE_WORDS, contradicted, outcome, phaseSpan, type CheckInput, type CheckOutcome } from "./check-input";
import { basisOf, describeFigure, FIGURE_WORDS, shopperWindow } from "./shopper-window";

type Spec<N extends PredicateSpec["is"]> = Extract<PredicateSpec, { is: N }>;
type Measure = Pick<Spec<"shoppers">, "feature" | "figure" | "minAnswers">;

/** The figure's name in a lesson's sentences: "monolith.p95Ms", "microservices.browse.p95Ms". */
export const figureKey = (stack: StackId, spec: Pick<Measure, "feature" | "figure">): string => [stack, spec.feature?.replace(/\s+/g, ""), spec.figure].filter(Boolean).join(".");

const whose = (stack: StackId, spec: Pick<Measure, "feature">) => `${stack} shoppers'${spec.feature ? ` ${spec.feature}` : ""}`;
const WAITING_FOR_CHANGE = "waiting for the step's change to be made";

function measureIn(input: CheckInput, stack: StackId, spec: Measure, span: [number, number]) {
  const window = shopperWindow(input.shoppers, stack, spec.feature, span);
  return { value: window.figures[spec.figure], basis: basisOf(window, spec.figure), requests: window.requests };
}

const rounded = (value: number | null): number | string => (value === null ? "n/a" : Math.round(value * 10) / 10);
const limitWords = (spec: Spec<"shoppers">) =>
  [spec.above !== undefined && `above ${describeFigure(spec.figure, spec.above).replace(`${FIGURE_WORDS[spec.figure]} `, "")}`, spec.below !== undefined && `below ${describeFigure(spec.figure, spec.below).replace(`${FIGURE_WORDS[spec.figure]} `, "")}`].filter(Boolean).join(" and ");

/** A shoppers' figure over a phase of the step, against a limit. */
export function shoppers(spec: Spec<"shoppers">, input: CheckInput): CheckOutcome {
  const label = `${whose(spec.stack, spec)} ${FIGURE_WORDS[spec.figure]} ${limitWords(spec)}${PHASE_WORDS[spec.phase]}`;
  const span = phaseSpan(spec.phase, input);
  if (!span) return outcome(false, label, WAITING_FOR_CHANGE);
  const { value, basis } = measureIn(input, spec.stack, spec, span);
  const figures = { [figureKey(spec.stack, spec)]: rounded(value) };
  if (basis < spec.minAnswers || value === null) return outcome(false, label, `${basis} of ${spec.minAnswers} shoppers' requests measured`, figures);
  const holds = (spec.below === undefined || value < spec.below) && (spec.above === undefined || value > spec.above);
  return holds ? outcome(true, label, "", figures) : contradicted(label, `measured ${describeFigure(spec.figure, value)} over ${basis} requests`, figures);
}

/** The same figure for both stacks under the same traffic: `lower`'s, times `factor` and plus `margin`, stays below `higher`'s. */
export function stackVersus(spec: Spec<"stackVersus">, input: CheckInput): CheckOutcome {
  const by = [spec.factor > 1 && `${spec.factor}×`, spec.margin > 0 && `${spec.margin}`].filter(Boolean).join(" and ");
  const label = `${whose(spec.lower, spec)} ${FIGURE_WORDS[spec.figure]} lower than the ${spec.higher}'${by ? ` (by ${by})` : ""}`;
  const span = phaseSpan(spec.phase, input);
  if (!span) return outcome(false, label, WAITING_FOR_CHANGE);
  const lower = measureIn(input, spec.lower, spec, span);
  const higher = measureIn(input, spec.higher, spec, span);
  const figures = { [figureKey(spec.lower, spec)]: rounded(lower.value), [figureKey(spec.higher, spec)]: rounded(higher.value) };
  const thin = [lower, higher].find((side) => side.basis < spec.minAnswers || side.value === null);
  if (thin) return outcome(false, label, `${lower.basis} and ${higher.basis} of ${spec.minAnswers} shoppers' requests measured (${spec.lower}, ${spec.higher})`, figures);
  const holds = lower.value! * spec.factor + spec.margin <= higher.value!;
  const both = `${spec.lower} ${describeFigure(spec.figure, lower.value)}, ${spec.higher} ${describeFigure(spec.figure, higher.value)}`;
  return holds ? outcome(true, label, "", figures) : contradicted(label, `measured ${both}`, figures);
}

/** The same figure before the step's change and after it: it rises, falls, or holds (by `factor` and `margin`). */
export function beforeAfter(spec: Spec<"beforeAfter">, input: CheckInput): CheckOutcome {
  const by = [spec.factor > 1 && `${spec.factor}×`, spec.margin > 0 && `at least ${spec.margin}`].filter(Boolean).join(" and ");
  const verb = spec.direction === "holds" ? "stays near what it was" : spec.direction;
  const label = `${whose(spec.stack, spec)} ${FIGURE_WORDS[spec.figure]} ${verb} after the change${by && spec.direction !== "holds" ? ` (${by})` : ""}`;
  const key = figureKey(spec.stack, spec);
  const beforeSpan = phaseSpan("before", input)!;
  const before = measureIn(input, spec.stack, spec, beforeSpan);
  const figures: Record<string, number | string> = { [`${key}.before`]: rounded(before.value) };
  if (input.changeAt === null) {
    return outcome(false, label, before.basis < spec.minAnswers ? `measuring the baseline: ${before.basis} of ${spec.minAnswers} shoppers' requests` : `baseline ${describeFigure(spec.figure, before.value)}; ${WAITING_FOR_CHANGE}`, figures);
  }
  if (before.basis < spec.minAnswers || before.value === null) {
    return contradicted(label, `no baseline: only ${before.basis} shoppers' requests were measured before the change (${spec.minAnswers} needed), so nothing can be compared`, figures);
  }
  const afterSpan = phaseSpan("after", input)!;
  const after = measureIn(input, spec.stack, spec, afterSpan);
  figures[`${key}.after`] = rounded(after.value);
  if (after.basis < spec.minAnswers || after.value === null) return outcome(false, label, `baseline ${describeFigure(spec.figure, before.value)}; measuring after the change: ${after.basis} of ${spec.minAnswers}`, figures);
  const [was, now] = [before.value, after.value];
  const holds =
    spec.direction === "rises" ? now >= was * spec.factor && now - was >= spec.margin : spec.direction === "falls" ? now * spec.factor <= was && was - now >= spec.margin : now <= was * spec.factor + spec.margin;
  const words = `before ${describeFigure(spec.figure, was)}, after ${describeFigure(spec.figure, now)}`;
  return holds ? outcome(true, label, "", figures) : contradicted(label, `measured ${words}`, figures);
}

/** Whether every before/after check of a step has measured its baseline: "Show me" makes the change only then. */
export function baselineReady(specs: readonly PredicateSpec[], input: CheckInput): boolean {
  const span = phaseSpan("before", input)!;
  return specs.every((spec) => spec.is !== "beforeAfter" || measureIn(input, spec.stack, spec, span).basis >= spec.minAnswers);
}
