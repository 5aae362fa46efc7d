// The sentences every scenario summary shares: what the shop's own data says happened to the orders (the audit,
// before and after), and what the generated shoppers got.
import type { Audit } from "../../contract/control";
import type { StackId } from "../../contract/events";
import type { ScenarioReadings } from "./readings";

export interface Outcome {
  lines: string[];
  figures: Record<string, number>;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The orders saved during the run and how they stand at its end, read from the services' data. */
export function shopLines(stack: StackId, audit: { before: Audit[]; after: Audit[] }): Outcome {
  const before = audit.before.find((entry) => entry.stack === stack);
  const after = audit.after.find((entry) => entry.stack === stack);
  if (!after) return { lines: [], figures: {} };
  const figures = {
    ordersSaved: after.orders - (before?.orders ?? 0),
    paid: after.paid - (before?.paid ?? 0),
    paymentFailed: after.paymentFailed - (before?.paymentFailed ?? 0),
    pending: after.pending,
    chargedTwice: after.chargedTwice,
    stockMismatches: after.stockMismatches,
  };
  const settled = figures.pending === 0 ? "none left pending" : `${figures.pending} still pending when it ended (they are paid once the shop catches up)`;
  const twice = figures.chargedTwice === 0 ? "none charged twice" : `${plural(figures.chargedTwice, "order")} charged twice`;
  const stock = figures.stockMismatches === 0 ? "stock consistent" : `${plural(figures.stockMismatches, "stock mismatch", "stock mismatches")}`;
  return {
    lines: [`the shop's data: ${plural(figures.ordersSaved, "order")} saved during it, ${figures.paid} paid, ${figures.paymentFailed} declined; ${settled}; ${twice}; ${stock}`],
    figures,
  };
}

/** What the generated shoppers sent to `stack` and how much of it failed. */
export function trafficLine(readings: ScenarioReadings, stack: StackId): Outcome & { line: string } {
  const sent = readings.count(stack, "sent");
  const failed = readings.count(stack, "failed");
  const ordersAccepted = readings.count(stack, "ordersAccepted");
  const line = `shoppers sent ${plural(sent, "request")}: ${failed} failed, ${plural(ordersAccepted, "order")} accepted`;
  return { line, lines: [line], figures: { requestsSent: sent, requestsFailed: failed, ordersAccepted } };
}
