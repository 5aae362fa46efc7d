// Checks read from what shoppers got and what the shop's own data says: redeploys, blast radius, traffic served, orders settled.
import type { PredicateSpec } from "../contract/lessons";
import { REDEPLOY_TAIL_MS } from "../sandbox/metrics/incident-tracker";
import { contradicted, megabytes, outcome, type CheckInput, type CheckOutcome } from "./check-input";

type Spec<N extends PredicateSpec["is"]> = Extract<PredicateSpec, { is: N }>;

/** Every order of the stack settled (paid or payment failed), none charged twice, stock consistent: the audit, read from the services' data. */
export function ordersSettled(spec: Spec<"ordersSettled">, input: CheckInput): CheckOutcome {
  const label = `every accepted order settled, none charged twice (${spec.stack})`;
  const audit = input.audit?.find((entry) => entry.stack === spec.stack);
  if (!audit) return outcome(false, label, "reading the shop's data…");
  const figures = { orders: audit.orders, paid: audit.paid, paymentFailed: audit.paymentFailed, pending: audit.pending, chargedTwice: audit.chargedTwice };
  const missing =
    audit.orders < spec.atLeast ? `${audit.orders} of ${spec.atLeast} orders placed` : audit.chargedTwice > 0 ? `${audit.chargedTwice} orders charged twice` : audit.stockMismatches > 0 ? audit.problems.join("; ") : `${audit.pending} of ${audit.orders} orders still pending`;
  const met = audit.orders >= spec.atLeast && audit.pending === 0 && audit.chargedTwice === 0 && audit.stockMismatches === 0;
  return outcome(met, label, missing, figures);
}

/** A redeploy of `service`, started in the window, finished, with shoppers served through it; what it cost them, between bounds. */
export function redeployed(spec: Spec<"redeployed">, input: CheckInput): CheckOutcome {
  const bounds = [
    spec.maxFailed !== undefined && (spec.maxFailed === 0 ? "0 failed" : `at most ${spec.maxFailed} failed`),
    spec.minFailed !== undefined && `at least ${spec.minFailed} failed`,
    spec.minUnavailableMs !== undefined && `the shop unavailable for at least ${spec.minUnavailableMs} ms`,
    spec.maxUnavailableMs !== undefined && `the shop never unavailable for more than ${spec.maxUnavailableMs} ms`,
  ].filter(Boolean);
  const label = `a ${spec.strategy} redeploy of ${spec.service} finishes with at least ${spec.minServed} shoppers' requests served${bounds.length ? `, ${bounds.join(", ")}` : ""}`;
  const redeploy = input.redeploys[spec.stack];
  if (!redeploy || redeploy.startedAt < input.since || redeploy.service !== spec.service) return outcome(false, label, `no redeploy of ${spec.service} yet`);
  const version = input.state.services.find((service) => service.id === spec.service)?.version;
  const figures = { served: redeploy.requests, failed: redeploy.failed, unavailableMs: Math.round(redeploy.unavailableMs), strategy: redeploy.strategy, ...(version !== undefined && { version }) };
  if (redeploy.strategy !== spec.strategy) return contradicted(label, `that was a ${redeploy.strategy} redeploy; this step asks for ${spec.strategy}`, figures);
  if (redeploy.endedAt === null || input.now < redeploy.endedAt + REDEPLOY_TAIL_MS) return outcome(false, label, `redeploy under way: ${redeploy.requests} requests so far, ${redeploy.failed} failed`, figures);
  if (redeploy.requests < spec.minServed) return outcome(false, label, `only ${redeploy.requests} of ${spec.minServed} shoppers' requests came during it: start traffic first, then redeploy again`, figures);
  if (spec.maxFailed !== undefined && redeploy.failed > spec.maxFailed) return contradicted(label, `${redeploy.failed} of ${redeploy.requests} shoppers' requests failed during it`, figures);
  if (spec.minFailed !== undefined && redeploy.failed < spec.minFailed) return contradicted(label, `only ${redeploy.failed} of ${redeploy.requests} shoppers' requests failed during it`, figures);
  if (spec.minUnavailableMs !== undefined && redeploy.unavailableMs < spec.minUnavailableMs) return contradicted(label, `the shop was unavailable for ${figures.unavailableMs} ms, no outage worth the name`, figures);
  if (spec.maxUnavailableMs !== undefined && redeploy.unavailableMs > spec.maxUnavailableMs) return contradicted(label, `the shop was unavailable for ${figures.unavailableMs} ms`, figures);
  return outcome(true, label, "", figures, redeploy.endedAt + REDEPLOY_TAIL_MS);
}

/** Shoppers' requests after a failure before a blast radius that differs from the claim counts against it. */
const BLAST_EVIDENCE = 40;

/** After `service` failed, the named features failed for shoppers and at least one of `workingAny` kept working. */
export function blastRadius(spec: Spec<"blastRadius">, input: CheckInput): CheckOutcome {
  const label = `after ${spec.service} fails: ${spec.failed.join(", ")} fail${spec.workingAny.length ? `, ${spec.workingAny.join(" or ")} keep working` : ""} (${spec.stack})`;
  const failure = input.failures[spec.stack];
  if (!failure || failure.at < input.since || failure.service !== spec.service) return outcome(false, label, `${spec.service} has not failed yet`);
  const figures = { [`${spec.stack}.failedFeatures`]: failure.failedFeatures.join(", ") || "none", [`${spec.stack}.workingFeatures`]: failure.workingFeatures.join(", ") || "none", [`${spec.stack}.failedRequests`]: failure.failed };
  const stillWorking = spec.failed.filter((feature) => !failure.failedFeatures.includes(feature));
  const working = spec.workingAny.length === 0 || spec.workingAny.some((feature) => failure.workingFeatures.includes(feature));
  const missing = stillWorking.length > 0 ? `no shopper has seen ${stillWorking.join(", ")} fail yet (is traffic running?)` : `no shopper has used ${spec.workingAny.join(" or ")} successfully since`;
  if (stillWorking.length === 0 && working) return outcome(true, label, "", figures);
  // Enough shoppers came to tell: a feature said to fail kept working, or every one said to survive failed as well.
  if (failure.requests >= BLAST_EVIDENCE) {
    const keptWorking = spec.failed.filter((feature) => failure.workingFeatures.includes(feature));
    if (keptWorking.length > 0) return contradicted(label, `${keptWorking.join(", ")} kept working for ${failure.requests} shoppers' requests`, figures);
    const alsoFailed = spec.workingAny.filter((feature) => failure.failedFeatures.includes(feature));
    if (alsoFailed.length > 0 && !working) return contradicted(label, `${alsoFailed.join(" and ")} failed too, and nothing else kept working`, figures);
  }
  return outcome(false, label, missing, figures);
}

/** A run of generated traffic started in the window served at least `atLeast` requests to the stack (measured at the shoppers' side). */
export function trafficServed(spec: Spec<"trafficServed">, input: CheckInput): CheckOutcome {
  const label = `at least ${spec.atLeast} shoppers' requests to ${spec.stack} in this step`;
  const run = input.traffic;
  const tally = run.startedAt !== null && run.startedAt >= input.since ? run.stacks.find((entry) => entry.stack === spec.stack) : undefined;
  if (!tally) return outcome(false, label, `no traffic to ${spec.stack} started in this step`);
  const served = tally.ok + tally.failed;
  const processes = input.metrics?.services.filter((service) => service.stack === spec.stack) ?? [];
  const figures = {
    [`${spec.stack}.served`]: served,
    [`${spec.stack}.failed`]: tally.failed,
    [`${spec.stack}.p50Ms`]: tally.p50Ms === null ? "n/a" : Math.round(tally.p50Ms * 10) / 10,
    [`${spec.stack}.p95Ms`]: tally.p95Ms === null ? "n/a" : Math.round(tally.p95Ms * 10) / 10,
    [`${spec.stack}.memoryMB`]: megabytes(processes.reduce((sum, service) => sum + service.rssBytes, 0)),
    [`${spec.stack}.processes`]: processes.reduce((sum, service) => sum + service.processes, 0),
  };
  return outcome(served >= spec.atLeast, label, `${served} of ${spec.atLeast} requests served`, figures);
}
