// Faults in force as a person reads them on a box: a symbol, the type and its value ("⚡ latency +400 ms"). Symbols are
// ones the common system fonts draw (⛓ and emoji such as 🔥 draw as empty boxes on Debian's Chromium).
import type { StackId } from "../contract/events";
import type { Fault, FaultType } from "../contract/faults";

export const FAULT_SYMBOL: Record<FaultType, string> = {
  latency: "⚡",
  errors: "✕",
  partition: "✂",
  "slow-consumer": "◔",
  "cpu-hog": "♨",
  "crash-on-start": "⚠",
};

/** The badge's words, e.g. "⚡ latency +400 ms", "✕ errors 50%", "✂ partition ↔ product-service". */
export function faultBadgeText(fault: Pick<Fault, "type" | "ms" | "rate" | "peer">): string {
  const symbol = FAULT_SYMBOL[fault.type];
  switch (fault.type) {
    case "latency":
      return `${symbol} latency +${fault.ms ?? "?"} ms`;
    case "errors":
      return `${symbol} errors ${Math.round((fault.rate ?? 0) * 100)}%`;
    case "partition":
      return `${symbol} partition ↔ ${fault.peer ?? "?"}`;
    case "slow-consumer":
      return `${symbol} slow consumer +${fault.ms ?? "?"} ms/job`;
    case "cpu-hog":
      return `${symbol} cpu-hog ${fault.ms ?? "?"} ms/request`;
    case "crash-on-start":
      return `${symbol} bad release`;
  }
}

/** A fault without a stack hits both; one with a stack only that stack. */
export const faultApplies = (fault: Pick<Fault, "stack">, stack: StackId): boolean => fault.stack === undefined || fault.stack === stack;

/**
 * The faults drawn on one service's (or module's) box. A partition only cuts calls between processes, so inside the
 * monolith it does nothing and is not drawn there.
 */
export function faultsOn(faults: readonly Fault[], stack: StackId, service: string): Fault[] {
  return faults.filter((fault) => fault.service === service && faultApplies(fault, stack) && !(stack === "monolith" && fault.type === "partition"));
}

/** Arrows cut by a partition: both directions between the two services, in the microservices stack. */
export function partitionedEdges(faults: readonly Fault[], restEdgeIdOf: (from: string, to: string) => string): Set<string> {
  const edges = new Set<string>();
  for (const fault of faults) {
    if (fault.type !== "partition" || !fault.peer || !faultApplies(fault, "microservices")) continue;
    edges.add(restEdgeIdOf(fault.service, fault.peer));
    edges.add(restEdgeIdOf(fault.peer, fault.service));
  }
  return edges;
}

/** "↩ v3 rolled back", "✕ v3 failed": a deploy that did not go as asked; null when the last one succeeded. */
export function deployBadgeText(lastDeploy: { version: number; outcome: "succeeded" | "rolled-back" | "failed" } | null): string | null {
  if (!lastDeploy || lastDeploy.outcome === "succeeded") return null;
  return lastDeploy.outcome === "rolled-back" ? `↩ v${lastDeploy.version} rolled back` : `✕ v${lastDeploy.version} failed`;
}
