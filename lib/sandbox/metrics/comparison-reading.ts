// Reads the Compare screen's numbers back in plain words. Every sentence is built from the figures given, so what it
// says changes when the numbers do; nothing here is a claim made in advance. It draws no conclusion about speed from
// figures polluted by failures, and speaks only of the current experiment.
import type { StackComparison } from "../../contract/compare";
import type { ShopperFigures } from "../../contract/control";

const NAMES = { microservices: "the microservices", monolith: "the monolith" } as const;
/** Above this share of failed requests a stack's latency says nothing about its speed. */
export const POLLUTED_ERROR_RATE = 0.01;
/** Fewer successful answers than this in the window make no median worth comparing. */
const MIN_ANSWERS = 5;

const ms = (value: number) => (value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
const list = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);
const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1);

const shoppersOf = (stack: StackComparison): ShopperFigures | null => stack.figures?.shoppers ?? null;
const measured = (figures: ShopperFigures | null): figures is ShopperFigures & { p50Ms: number; p95Ms: number } =>
  figures !== null && figures.p50Ms !== null && figures.p95Ms !== null && figures.requests - figures.failed >= MIN_ANSWERS;

export function readComparison(stacks: StackComparison[]): string[] {
  const running = stacks.filter((stack) => stack.running);
  if (running.length === 0) return ["Nothing runs yet: switch the architecture to Both to compare the two stacks."];
  return [...health(running), ...speed(running), ...slowdowns(running), ...weight(running), ...scaling(running), ...redeploys(stacks), ...failures(stacks)];
}

/** A stack that shoppers cannot reach, or that fails many of their requests, is said to be so first. */
function health(running: StackComparison[]): string[] {
  const sentences: string[] = [];
  for (const stack of running) {
    const figures = shoppersOf(stack);
    const name = capitalise(NAMES[stack.stack]);
    if (!stack.up) sentences.push(`${name} ${stack.stack === "monolith" ? "is" : "are"} down: shoppers cannot reach ${stack.stack === "monolith" ? "it" : "the gateway"}${figures && figures.requests > 0 ? `, and ${figures.failed} of their last ${figures.requests} requests failed` : ""}.`);
    else if (figures && figures.requests > 0 && figures.errorRate > POLLUTED_ERROR_RATE) sentences.push(`${name} ${stack.stack === "monolith" ? "fails" : "fail"} ${percent(figures.errorRate)} of shoppers' requests right now (${figures.failed} of ${figures.requests}).`);
  }
  return sentences;
}

/** Which stack answers faster, only when both answered cleanly: a fast failure is not a fast answer. */
function speed(running: StackComparison[]): string[] {
  const busy = running.filter((stack) => (shoppersOf(stack)?.requests ?? 0) > 0);
  if (busy.length === 0) return ["No shopper traffic in the last seconds: start the traffic generator to measure latency and errors."];
  if (busy.length < 2) return [];
  const polluted = busy.filter((stack) => !stack.up || shoppersOf(stack)!.errorRate > POLLUTED_ERROR_RATE);
  if (polluted.length > 0) return [`Latency is not compared while ${list(polluted.map((stack) => NAMES[stack.stack]))} ${polluted.length > 1 || polluted[0].stack === "microservices" ? "fail" : "fails"} requests: a failed request is not a fast answer.`];
  if (!busy.every((stack) => measured(shoppersOf(stack)))) return [];
  const [a, b] = [...busy].sort((left, right) => shoppersOf(left)!.p50Ms! - shoppersOf(right)!.p50Ms!);
  const [fast, slow] = [shoppersOf(a)!, shoppersOf(b)!];
  const ratio = slow.p50Ms! / Math.max(fast.p50Ms!, 0.01);
  if (ratio < 1.15) return [`Under the same traffic both answer shoppers in about the same time at the median (${ms(fast.p50Ms!)} and ${ms(slow.p50Ms!)}).`];
  const why = a.stack === "monolith" ? ", since its module calls are function calls, not network hops" : "";
  // A tail going the other way is said in so many words: "faster at the median" alone would read as faster.
  if (fast.p95Ms! > slow.p95Ms!) {
    return [
      `Under the same traffic ${NAMES[a.stack]} ${a.stack === "monolith" ? "answers" : "answer"} shoppers faster at the median: ${ms(fast.p50Ms!)} against ${ms(slow.p50Ms!)} (${ratio.toFixed(1)}×)${why}; but slower at p95: ${ms(fast.p95Ms!)} against ${ms(slow.p95Ms!)}, its slowest answers take longer.`,
    ];
  }
  return [
    `Under the same traffic ${NAMES[a.stack]} ${a.stack === "monolith" ? "answers" : "answer"} shoppers faster at the median: ${ms(fast.p50Ms!)} against ${ms(slow.p50Ms!)} (${ratio.toFixed(1)}×; p95 ${ms(fast.p95Ms!)} against ${ms(slow.p95Ms!)})${why}.`,
  ];
}

/** Under a slowing fault: which shoppers' features slowed, in which stack, against their figures just before it. */
function slowdowns(running: StackComparison[]): string[] {
  const sentences: string[] = [];
  for (const stack of running) {
    const slowed = stack.slowed;
    if (!slowed || !stack.up) continue;
    const name = NAMES[stack.stack];
    if (slowed.features.length === 0) {
      sentences.push(`Since ${slowed.what}, no feature of ${name} slowed for its shoppers.`);
      continue;
    }
    const worst = [...slowed.features].sort((left, right) => right.nowP95Ms / right.beforeP95Ms - left.nowP95Ms / left.beforeP95Ms)[0];
    sentences.push(`Since ${slowed.what}, ${list(slowed.features.map((feature) => feature.feature))} slowed in ${name} (${worst.feature}: p95 ${ms(worst.beforeP95Ms)} before, ${ms(worst.nowP95Ms)} now).`);
  }
  return sentences;
}

function weight(running: StackComparison[]): string[] {
  // A dead stack's zero processes say nothing about what it weighs: compare only two stacks that are up.
  if (running.length < 2 || !running.every((stack) => stack.figures && stack.up)) return [];
  const [micro, mono] = (["microservices", "monolith"] as const).map((id) => running.find((stack) => stack.stack === id)!.figures!);
  return [`The microservices run ${micro.processes} processes in ${mb(micro.rssBytes)}; the monolith runs ${mono.processes} in ${mb(mono.rssBytes)}.`];
}

/** What scaling cost: every copy of the monolith carries every module; a microservice's copies carry only it. */
function scaling(running: StackComparison[]): string[] {
  const sentences: string[] = [];
  for (const stack of running) {
    for (const scaled of stack.scaled) {
      if (scaled.processes === 0) continue;
      const cost = `${scaled.processes} × ${mb(scaled.perCopyBytes)} = ${mb(scaled.rssBytes)}`;
      if (stack.stack === "monolith") sentences.push(`The monolith runs ${scaled.processes} whole copies (${cost}): scaling one busy module copied all of them.`);
      else sentences.push(`${scaled.service} runs ${scaled.processes} instances (${cost}); the other microservices stay as they were.`);
    }
  }
  return sentences;
}

function redeploys(stacks: StackComparison[]): string[] {
  const sentences: string[] = [];
  for (const stack of stacks) {
    const redeploy = stack.lastRedeploy;
    if (!redeploy || redeploy.endedAt === null) continue;
    const what = stack.stack === "monolith" ? "Redeploying the monolith" : `Redeploying ${redeploy.service} (${redeploy.strategy})`;
    if (redeploy.requests === 0) sentences.push(`${what} happened with no traffic to measure it: start traffic and redeploy again.`);
    else if (redeploy.failed === 0) sentences.push(`${what} failed none of ${redeploy.requests} shoppers' requests.`);
    else sentences.push(`${what} failed ${redeploy.failed} of ${redeploy.requests} shoppers' requests; the shop was unavailable for ${seconds(redeploy.unavailableMs)}.`);
  }
  return sentences;
}

function failures(stacks: StackComparison[]): string[] {
  const sentences: string[] = [];
  for (const stack of stacks) {
    const failure = stack.lastFailure;
    if (!failure || failure.requests === 0) continue;
    const broke = failure.failedFeatures.length > 0 ? `${list(failure.failedFeatures)} failed` : "nothing failed";
    const kept = failure.workingFeatures.length > 0 ? `; ${list(failure.workingFeatures)} kept working` : "";
    // "monolith was killed" already names its stack: "in the monolith" after it would say it twice.
    const what = failure.service === "monolith" ? failure.what.replace(/^monolith\b/, "the monolith") : `${failure.what} in ${NAMES[stack.stack]}`;
    sentences.push(`After ${what}, ${broke}${kept}.`);
  }
  return sentences;
}
