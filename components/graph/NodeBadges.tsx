"use client";
// The badges under a box's name for what the user did to it: faults in force, the restart policy when it restarts by
// itself, and a deploy that was rolled back or failed. (Instances are listed by ProcessInstances.)
import { memo } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { StackId } from "../../lib/contract/events";
import { deployBadgeText, faultBadgeText, faultsOn } from "../../lib/client/fault-badges";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { sidewaysCalls } from "../../lib/client/topology";

/** Faults in force on one service or module of a stack. */
function FaultBadgesView({ stack, service }: { stack: StackId; service: string }) {
  const texts = useStore(
    sandboxStore,
    useShallow((view) => faultsOn(view.sandbox?.faults ?? [], stack, service).map((fault) => `${fault.id}\u0000${faultBadgeText(fault)}`)),
  );
  if (texts.length === 0) return null;
  return (
    <>
      {texts.map((entry) => {
        const [id, text] = entry.split("\u0000");
        return (
          <span key={id} className="badge badge-fault" data-fault-badge={id} title={`${text}: a fault injected on purpose; clear it in the inspector`}>
            {text}
          </span>
        );
      })}
    </>
  );
}
export const FaultBadges = memo(FaultBadgesView);

/** Restart policy and last deploy of one process (a microservice, or the monolith as a whole). */
function ProcessBadgesView({ service }: { service: string }) {
  const facts = useStore(
    sandboxStore,
    useShallow((view) => {
      const found = view.sandbox?.services.find((candidate) => candidate.id === service);
      return {
        onFailure: found?.restartPolicy === "on-failure",
        deploy: deployBadgeText(found?.lastDeploy ?? null),
        deployReason: found?.lastDeploy?.reason ?? "",
      };
    }),
  );
  return (
    <>
      {facts.onFailure && (
        <span className="badge badge-policy" title="restart policy: started again, with growing pauses, when it dies on its own">
          ↻ restarts on failure
        </span>
      )}
      {facts.deploy && (
        <span className="badge badge-deploy" data-deploy-badge title={facts.deployReason}>
          {facts.deploy}
        </span>
      )}
    </>
  );
}
export const ProcessBadges = memo(ProcessBadgesView);

const CIRCUIT_WORDS = { open: { symbol: "⊘", word: "open" }, "half-open": { symbol: "◐", word: "half-open" } } as const;

/**
 * The circuit breakers on this box's calls to a neighbour in its row: their arrows are too short for a label, so the
 * state is written here ("⊘ circuit to user-service open"), as it would be on a longer arrow.
 */
function CircuitBadgesView({ stack, service }: { stack: StackId; service: string }) {
  const open = useStore(
    sandboxStore,
    useShallow((view) =>
      sidewaysCalls(stack)
        .filter((call) => call.from === service && view.circuits[call.edge])
        .map((call) => `${call.edge}\u0000${call.to}\u0000${view.circuits[call.edge].state}\u0000${view.circuits[call.edge].reason}`),
    ),
  );
  if (open.length === 0) return null;
  return (
    <>
      {open.map((entry) => {
        const [edge, to, state, reason] = entry.split("\u0000") as [string, string, keyof typeof CIRCUIT_WORDS, string];
        return (
          <span key={edge} className={`edge-badge edge-circuit circuit-${state}`} data-circuit={edge} data-circuit-state={state} title={reason}>
            {CIRCUIT_WORDS[state].symbol} circuit to {to} {CIRCUIT_WORDS[state].word}
          </span>
        );
      })}
    </>
  );
}
export const CircuitBadges = memo(CircuitBadgesView);
