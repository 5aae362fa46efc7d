// The library of named checks: a step's check names them with parameters, and only these run. Nothing from a browser is code.
import type { PredicateSpec } from "../contract/lessons";
import type { CheckInput, CheckOutcome } from "./check-input";
import { databaseAccess } from "./database-predicates";
import { circuitOpen, ordersAcceptedWhileDown, ordersDeduplicated, restCall } from "./event-predicates";
import { amplification, breakerSequence, calls, networkHops, queueFlow, queueWait, redelivered, traceChain } from "./flow-predicates";
import { beforeAfter, shoppers, stackVersus } from "./measured-predicates";
import { culpritCleared, culpritNamed, everyServiceReplaced } from "./challenge-predicates";
import { momentFound } from "./moment-predicates";
import { processesKept, stackMemory } from "./process-predicates";
import { blastRadius, ordersSettled, redeployed, trafficServed } from "./outcome-predicates";
import { architecture, faultActive, queueBacklog, readiness, resilienceOn, scaled, serviceStatus, stayedHealthy } from "./state-predicates";

type Evaluator<N extends PredicateSpec["is"]> = (spec: Extract<PredicateSpec, { is: N }>, input: CheckInput) => CheckOutcome;

export const PREDICATES: { [N in PredicateSpec["is"]]: Evaluator<N> } = {
  restCall,
  serviceStatus,
  stayedHealthy,
  readiness,
  ordersAcceptedWhileDown,
  ordersDeduplicated,
  queueBacklog,
  ordersSettled,
  redeployed,
  scaled,
  blastRadius,
  trafficServed,
  circuitOpen,
  faultActive,
  resilienceOn,
  architecture,
  shoppers,
  stackVersus,
  beforeAfter,
  calls,
  amplification,
  networkHops,
  traceChain,
  queueFlow,
  queueWait,
  redelivered,
  breakerSequence,
  processesKept,
  stackMemory,
  databaseAccess,
  momentFound,
  culpritNamed,
  culpritCleared,
  everyServiceReplaced,
};

export function evaluate(spec: PredicateSpec, input: CheckInput): CheckOutcome {
  return (PREDICATES[spec.is] as Evaluator<typeof spec.is>)(spec as never, input);
}

/** Every item of a check, in order; the step passes when all are met. */
export function evaluateAll(specs: readonly PredicateSpec[], input: CheckInput): CheckOutcome[] {
  return specs.map((spec) => evaluate(spec, input));
}

/** Whether a check needs the audit (read from the services' data, so only read when asked). */
export const needsAudit = (specs: readonly PredicateSpec[]): boolean => specs.some((spec) => spec.is === "ordersSettled");

/** Whether a check reads the processes' memory (the metrics collector's figures). */
export const needsMetrics = (specs: readonly PredicateSpec[]): boolean => specs.some((spec) => spec.is === "scaled" || spec.is === "trafficServed" || spec.is === "stackMemory");
