// Checks on how the shop's parts talked, read from the telemetry: calls reaching a service and per shopper request,
// a chain of events in one trace, a queue's jobs in against out and how long they wait, a job delivered twice, a
// breaker's whole cycle.
import type { CircuitEvent, HttpEvent, QueueEvent } from "../contract/events";
import type { PredicateSpec } from "../contract/lessons";
import { PHASE_WORDS, contradicted, entryOf, outcome, phaseSpan, type CheckInput, type CheckOutcome } from "./check-input";

type Spec<N extends PredicateSpec["is"]> = Extract<PredicateSpec, { is: N }>;

const inSpan = (ts: number, [from, to]: [number, number]) => ts >= from && ts <= to;
const perSecond = (count: number, [from, to]: [number, number]) => Math.round((count / Math.max(0.001, (to - from) / 1_000)) * 10) / 10;
const limitHolds = (value: number, spec: { below?: number; above?: number }) => (spec.below === undefined || value < spec.below) && (spec.above === undefined || value > spec.above);
export const limitWords = (spec: { below?: number; above?: number }) => [spec.above !== undefined && `above ${spec.above}`, spec.below !== undefined && `below ${spec.below}`].filter(Boolean).join(" and ");

function callsInto(spec: { stack: string; to: string }, input: CheckInput, span: [number, number]): HttpEvent[] {
  return input.events.filter((event): event is HttpEvent => event.type === "http" && event.stack === spec.stack && event.to === spec.to && event.from !== spec.to && inSpan(event.ts, span));
}

/**
 * Calls reaching `to` over a phase: how many, or how many per second (answered or not: a call that timed out reached
 * it), or how many per second it answered (a call the caller never sent, for want of a healthy instance, is not one).
 */
export function calls(spec: Spec<"calls">, input: CheckInput): CheckOutcome {
  const what = spec.figure === "answeredPerS" ? `calls ${spec.to} answered per second` : `calls reaching ${spec.to}${spec.figure === "perS" ? " per second" : ""}`;
  const label = `${what} ${limitWords(spec)}${PHASE_WORDS[spec.phase]}`;
  const span = phaseSpan(spec.phase, input);
  if (!span) return outcome(false, label, "waiting for the step's change to be made");
  const into = callsInto(spec, input, span);
  const count = spec.figure === "answeredPerS" ? into.filter((event) => event.status > 0).length : into.length;
  const value = spec.figure === "count" ? count : perSecond(count, span);
  const figures = { [`${spec.to}.calls.${spec.figure}`]: value };
  if (limitHolds(value, spec)) return outcome(true, label, "", figures);
  // A rate needs a few seconds of measuring before it says anything.
  const settled = span[1] - span[0] >= 3_000;
  return settled && spec.figure !== "count" ? contradicted(label, `measured ${value} calls/s`, figures) : outcome(false, label, `${value} so far`, figures);
}

/** Calls reaching `to` for every shopper's request over a phase: how much one request multiplies into. */
export function amplification(spec: Spec<"amplification">, input: CheckInput): CheckOutcome {
  const label = `calls reaching ${spec.to} per shopper's request ${limitWords(spec)}`;
  const span = phaseSpan(spec.phase, input);
  if (!span) return outcome(false, label, "waiting for the step's change to be made");
  const requests = input.shoppers.filter((sample) => sample.stack === spec.stack && inSpan(sample.at, span)).length;
  const count = callsInto(spec, input, span).length;
  const value = requests === 0 ? 0 : Math.round((count / requests) * 100) / 100;
  const figures = { [`${spec.to}.perRequest`]: value, [`${spec.to}.calls`]: count, shopperRequests: requests };
  if (requests < 20) return outcome(false, label, `${requests} of 20 shoppers' requests measured`, figures);
  return limitHolds(value, spec) ? outcome(true, label, "", figures) : contradicted(label, `measured ${value} calls per request (${count} calls for ${requests} requests)`, figures);
}

/** Calls that crossed a process boundary (not the shopper's own, not a function call inside one process) per shopper's request. */
export function networkHops(spec: Spec<"networkHops">, input: CheckInput): CheckOutcome {
  const label = `network hops between the shop's processes per shopper's request ${limitWords(spec)} (${spec.stack})`;
  const span = phaseSpan("step", input)!;
  const requests = input.shoppers.filter((sample) => sample.stack === spec.stack && inSpan(sample.at, span)).length;
  const hops = input.events.filter((event) => event.type === "http" && event.stack === spec.stack && event.from !== "client" && event.via !== "in-process" && inSpan(event.ts, span)).length;
  const inside = input.events.filter((event) => event.type === "http" && event.stack === spec.stack && event.via === "in-process" && inSpan(event.ts, span)).length;
  const value = requests === 0 ? 0 : Math.round((hops / requests) * 100) / 100;
  const figures = { [`${spec.stack}.hopsPerRequest`]: value, [`${spec.stack}.functionCallsPerRequest`]: requests === 0 ? 0 : Math.round((inside / requests) * 100) / 100 };
  if (requests < 20) return outcome(false, label, `${requests} of 20 shoppers' requests measured`, figures);
  return limitHolds(value, spec) ? outcome(true, label, "", figures) : contradicted(label, `measured ${value} hops per request`, figures);
}

/**
 * One trace carried every job of `chain`, each completed by its consumer, published in that order. The order is read
 * from when each job was published: a consumer publishes the next job before its own job is marked completed, so the
 * completions of neighbours can land in either order.
 */
export function traceChain(spec: Spec<"traceChain">, input: CheckInput): CheckOutcome {
  const label = `one order's trace goes ${spec.chain.join(" → ")} (${spec.stack})`;
  const byTrace = new Map<string, { added: Map<string, number>; completed: Map<string, number> }>();
  for (const event of input.events) {
    if (event.type !== "queue" || event.stack !== spec.stack || (event.state !== "completed" && event.state !== "added") || !spec.chain.includes(event.job)) continue;
    const trace = byTrace.get(event.traceId) ?? { added: new Map<string, number>(), completed: new Map<string, number>() };
    const seen = trace[event.state];
    if (!seen.has(event.job)) seen.set(event.job, event.ts);
    byTrace.set(event.traceId, trace);
  }
  let best: string[] = [];
  let unmet: CheckOutcome | null = null;
  for (const [traceId, trace] of byTrace) {
    const reached = spec.chain.filter((job) => trace.completed.has(job));
    const publishedAt = (job: string) => trace.added.get(job) ?? trace.completed.get(job)!;
    const inOrder = reached.every((job, index) => index === 0 || publishedAt(job) >= publishedAt(reached[index - 1]));
    if (reached.length === spec.chain.length && inOrder) {
      // An order placed before the step opened can finish its chain inside the step: it is not this step's order, so
      // the next trace is looked at rather than that one's missing request.
      const chained = chainOutcome(spec, input, label, traceId, trace.completed, publishedAt(spec.chain[0]));
      if (chained.met || chained.contradicts) return chained;
      unmet = chained;
    } else if (reached.length > best.length) best = reached;
  }
  if (unmet && best.length === 0) return unmet;
  const waiting = spec.chain.filter((job) => !best.includes(job));
  return outcome(false, label, best.length === 0 ? `no trace has completed ${spec.chain[0]} yet` : `seen ${best.join(", ")} in one trace; waiting for ${waiting.join(", ")}`);
}

function chainOutcome(spec: Spec<"traceChain">, input: CheckInput, label: string, traceId: string, seen: Map<string, number>, first: number): CheckOutcome {
  const entry = input.events.find((event): event is HttpEvent => event.type === "http" && event.traceId === traceId && event.from === "client" && event.to === entryOf(spec.stack));
  const done = Math.max(...seen.values());
  const startedAt = entry ? entry.ts - entry.durationMs : first;
  const figures: Record<string, number> = { chainMs: Math.round(done - first), doneAfterMs: Math.round(done - startedAt) };
  for (const job of spec.chain) figures[`${job}.afterMs`] = Math.round(seen.get(job)! - startedAt);
  if (entry) figures.answerMs = Math.round(entry.durationMs * 10) / 10;
  if (spec.answeredFirst) {
    if (!entry) return outcome(false, label, "the order seen was placed before this step: waiting for one placed in it", figures);
    if (done - startedAt <= entry.durationMs) return contradicted(label, `the chain was done ${figures.doneAfterMs} ms in, before the shopper's answer (${figures.answerMs} ms)`, figures);
  }
  return outcome(true, label, "", figures, done);
}

/** A queue's jobs in against jobs out over a phase: rising (more in than out) or draining (more out than in). */
export function queueFlow(spec: Spec<"queueFlow">, input: CheckInput): CheckOutcome {
  const label = `${spec.queue} is ${spec.trend === "rising" ? "filling: more jobs in than out" : "draining: more jobs out than in"}`;
  const span = phaseSpan(spec.phase, input);
  if (!span) return outcome(false, label, "waiting for the step's change to be made");
  const jobs = input.events.filter((event): event is QueueEvent => event.type === "queue" && event.stack === spec.stack && event.queue === spec.queue && inSpan(event.ts, span));
  const added = jobs.filter((job) => job.state === "added").length;
  const completed = jobs.filter((job) => job.state === "completed").length;
  const figures = { [`${spec.queue}.inPerS`]: perSecond(added, span), [`${spec.queue}.outPerS`]: perSecond(completed, span), [`${spec.queue}.in`]: added, [`${spec.queue}.out`]: completed };
  const lead = spec.trend === "rising" ? added - completed : completed - added;
  if (lead >= spec.minJobs) return outcome(true, label, "", figures);
  // The other way round by as much, over a few seconds of measuring: the queue does the opposite of the claim.
  const settled = span[1] - span[0] >= 3_000;
  if (settled && -lead >= spec.minJobs) return contradicted(label, `measured ${added} in and ${completed} out: it is ${spec.trend === "rising" ? "draining" : "filling"}`, figures);
  return outcome(false, label, `${added} in, ${completed} out so far`, figures);
}

/** How long a job of `queue` waited before a consumer took it (published → first attempt begun), the median over a phase. */
export function queueWait(spec: Spec<"queueWait">, input: CheckInput): CheckOutcome {
  const label = `jobs wait in ${spec.queue} ${limitWords(spec)} ms before a consumer takes them${PHASE_WORDS[spec.phase] && `,${PHASE_WORDS[spec.phase]}`}`;
  const span = phaseSpan(spec.phase, input);
  if (!span) return outcome(false, label, "waiting for the step's change to be made");
  const ofQueue = input.events.filter((event): event is QueueEvent => event.type === "queue" && event.stack === spec.stack && event.queue === spec.queue);
  const addedAt = new Map(ofQueue.filter((event) => event.state === "added").map((event) => [event.jobId, event.ts]));
  const waits = ofQueue
    .filter((event) => event.state === "active" && event.attempt === 1 && inSpan(event.ts, span) && addedAt.has(event.jobId))
    .map((event) => event.ts - addedAt.get(event.jobId)!)
    .sort((a, b) => a - b);
  const median = waits.length === 0 ? 0 : Math.round(waits[Math.floor((waits.length - 1) / 2)]);
  const figures = { [`${spec.queue}.waitP50Ms`]: median, [`${spec.queue}.taken`]: waits.length };
  if (waits.length < spec.minJobs) return outcome(false, label, `${waits.length} of ${spec.minJobs} jobs taken so far`, figures);
  return limitHolds(median, spec) ? outcome(true, label, "", figures) : contradicted(label, `measured a median wait of ${median} ms over ${waits.length} jobs`, figures);
}

/** A job of the stack (of one queue, when named) delivered more than once: a retry, or taken back after a stall. */
export function redelivered(spec: Spec<"redelivered">, input: CheckInput): CheckOutcome {
  const label = `a job of ${spec.queue ?? "the shop's queues"} is delivered more than once`;
  const again = input.events.find((event): event is QueueEvent => event.type === "queue" && event.stack === spec.stack && (spec.queue === undefined || event.queue === spec.queue) && (event.attempt >= 2 || event.state === "stalled"));
  if (!again) return outcome(false, label, "every job so far was delivered once");
  // A stall is told by the worker that found it, which knows the job only by its id: its name comes from its other events.
  const job = again.job || input.events.find((event): event is QueueEvent => event.type === "queue" && event.jobId === again.jobId && event.job !== "")?.job || "a job";
  const how = again.state === "stalled" ? "its consumer died holding it" : `tried again after a failure, attempt ${again.attempt}`;
  return outcome(true, label, "", { redeliveredJob: job, attempt: again.attempt, how }, again.ts);
}

/** Some caller's breaker to `to` went open, then half-open, then closed, in that order. */
export function breakerSequence(spec: Spec<"breakerSequence">, input: CheckInput): CheckOutcome {
  const label = `the breaker to ${spec.to} opens, tries again (half-open), and closes`;
  const moves = input.events.filter((event): event is CircuitEvent => event.type === "circuit" && event.to === spec.to);
  const order = ["open", "half-open", "closed"] as const;
  let reached = 0;
  const at: number[] = [];
  for (const move of moves) {
    if (move.state === order[reached]) {
      at.push(move.ts);
      reached++;
      if (reached === order.length) break;
    }
  }
  const figures: Record<string, number> = reached >= 1 ? { openForMs: Math.round(at[reached - 1] - at[0]) } : {};
  if (reached === order.length) return outcome(true, label, "", figures, at[2]);
  return outcome(false, label, reached === 0 ? `the breaker to ${spec.to} has not opened` : `seen ${order.slice(0, reached).join(" → ")}; waiting for ${order[reached]}`, figures);
}
