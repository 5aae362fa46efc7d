// Checks read from the telemetry window: a REST call, orders accepted while a service was down, an order sent twice
// that made one, a circuit opening.
import type { HttpEvent, LifecycleEvent, QueueEvent } from "../contract/events";
import type { PredicateSpec } from "../contract/lessons";
import { STOREFRONT_ROUTES, storefrontCall } from "../contract/storefront-paths";
import { shopperFailed } from "../sandbox/traffic/shopper-features";
import { contradicted, entryOf, isDown, outcome, type CheckInput, type CheckOutcome } from "./check-input";

type Spec<N extends PredicateSpec["is"]> = Extract<PredicateSpec, { is: N }>;

/** A call from one service to another answered (under 400). */
export function restCall(spec: Spec<"restCall">, input: CheckInput): CheckOutcome {
  const label = `${spec.from} calls ${spec.to}: ${spec.method} ${spec.path}`;
  const call = input.events.find((event): event is HttpEvent => event.type === "http" && event.stack === spec.stack && event.from === spec.from && event.to === spec.to && event.method === spec.method && event.path.startsWith(spec.path) && event.status > 0 && event.status < 400);
  return outcome(Boolean(call), label, `no answered ${spec.method} ${spec.path} from ${spec.from} to ${spec.to} yet`, call ? { [`${spec.to}.status`]: call.status, [`${spec.to}.durationMs`]: Math.round(call.durationMs) } : {}, call?.ts);
}

/** Whether `service` was down at each moment of the window, from its lifecycle events (or its state, when none came). */
export function downIntervals(service: string, input: CheckInput): Array<[from: number, to: number]> {
  const moves = input.events.filter((event): event is LifecycleEvent => event.type === "lifecycle" && event.service === service);
  const current = input.state.services.find((view) => view.id === service)?.status;
  let down = moves.length > 0 ? isDown(moves[0].from) : isDown(current);
  let start = down ? input.since : 0;
  const intervals: Array<[number, number]> = [];
  for (const move of moves) {
    const next = isDown(move.to);
    if (next && !down) start = move.ts;
    if (!next && down && move.to !== "stopping") intervals.push([start, move.ts]);
    if (move.to !== "stopping") down = next;
  }
  if (down) intervals.push([start, Infinity]);
  return intervals;
}

const PLACE_ORDER = storefrontCall(STOREFRONT_ROUTES.placeOrder);
/** A shopper's request to place an order, as the entry saw it or as the shopper heard its answer. */
const placesOrder = (request: { method: string; path: string }) => request.method === PLACE_ORDER.method && request.path === PLACE_ORDER.path;

/** Shoppers' orders accepted (202) at the stack's entry while `service` was down. */
export function ordersAcceptedWhileDown(spec: Spec<"ordersAcceptedWhileDown">, input: CheckInput): CheckOutcome {
  const label = `at least ${spec.atLeast} orders accepted while ${spec.service} is down`;
  const intervals = downIntervals(spec.service, input);
  const accepted = input.events.filter(
    (event): event is HttpEvent =>
      event.type === "http" && event.stack === spec.stack && event.from === "client" && event.to === entryOf(spec.stack) && placesOrder(event) && event.status === 202 && intervals.some(([from, to]) => event.ts >= from && event.ts <= to),
  );
  const met = accepted.length >= spec.atLeast;
  const missing = intervals.length === 0 ? `${spec.service} has not been down yet` : `${accepted.length} of ${spec.atLeast} orders accepted while ${spec.service} is down`;
  if (met) return outcome(true, label, missing, { accepted: accepted.length }, accepted[spec.atLeast - 1]?.ts);
  // Shoppers' orders refused while it was down: the shop did depend on it after all.
  const refused = input.shoppers.filter((sample) => sample.stack === spec.stack && placesOrder(sample) && shopperFailed(sample.status) && intervals.some(([from, to]) => sample.at >= from && sample.at <= to));
  if (refused.length >= spec.atLeast) return contradicted(label, `${refused.length} orders failed while ${spec.service} was down, ${accepted.length} accepted`, { accepted: accepted.length });
  return outcome(false, label, missing, { accepted: accepted.length });
}

/** An order's event is published from order-service's outbox a moment after the answer: an answer is judged once this old. */
export const PUBLISHED_WITHIN_MS = 2_000;

/**
 * An order request answered (202) that made no order: its trace published no OrderCreated, while another answered
 * request's did. A shopper's retry with the same Idempotency-Key is given back the order the first request made.
 */
export function ordersDeduplicated(spec: Spec<"ordersDeduplicated">, input: CheckInput): CheckOutcome {
  const label = `an order sent again with the same Idempotency-Key makes no second order (${spec.stack})`;
  const answered = input.events.filter(
    (event): event is HttpEvent => event.type === "http" && event.stack === spec.stack && event.from === "client" && event.to === entryOf(spec.stack) && placesOrder(event) && event.status === 202 && event.ts <= input.now - PUBLISHED_WITHIN_MS,
  );
  const published = new Set(input.events.filter((event): event is QueueEvent => event.type === "queue" && event.stack === spec.stack && event.job === "OrderCreated" && event.state === "added").map((event) => event.traceId));
  const created = answered.filter((event) => published.has(event.traceId));
  const given = answered.filter((event) => !published.has(event.traceId));
  const figures = { answered: answered.length, created: created.length, givenBack: given.length };
  if (created.length >= 1 && given.length >= 1) return outcome(true, label, "", figures, Math.max(...given.map((event) => event.ts)));
  if (answered.length === 0) return outcome(false, label, "no order answered yet", figures);
  return outcome(false, label, `${answered.length} order requests answered, each made its own order`, figures);
}

/** Some caller's circuit breaker to `to` opened. */
export function circuitOpen(spec: Spec<"circuitOpen">, input: CheckInput): CheckOutcome {
  const label = `a circuit breaker to ${spec.to} opens`;
  const opened = input.events.find((event) => event.type === "circuit" && event.to === spec.to && event.state === "open");
  const until = opened?.ts ?? Infinity;
  const failedCalls = input.events.filter((event) => event.type === "http" && event.from !== "client" && event.to === spec.to && event.ts <= until && (event.status === 0 || event.status >= 500)).length;
  return outcome(Boolean(opened), label, `${failedCalls} failed calls to ${spec.to} so far; the breaker opens after 5 in a row`, { failedCalls }, opened?.ts);
}
