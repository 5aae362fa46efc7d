"use client";
// The badges under a box's name for what the user did to it: faults in force, replicas and their statuses, the
// restart policy when it restarts by itself, and a deploy that was rolled back or failed.
import { memo } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { StackId } from "../lib/contract/events";
import { deployBadgeText, faultBadgeText, faultsOn } from "../lib/client/fault-badges";
import { STATUS_SYMBOL } from "../lib/client/status";
import { sandboxStore } from "../lib/client/store";

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

/** Replicas, restart policy and last deploy of one process (a microservice, or the monolith as a whole). */
function ProcessBadgesView({ service }: { service: string }) {
  const facts = useStore(
    sandboxStore,
    useShallow((view) => {
      const found = view.sandbox?.services.find((candidate) => candidate.id === service);
      return {
        instances: found ? found.instances.map((instance) => STATUS_SYMBOL[instance.status]).join("") : "",
        instanceWords: found ? found.instances.map((instance) => `${instance.instanceId}: ${instance.status}`).join(", ") : "",
        count: found?.instances.length ?? 0,
        onFailure: found?.restartPolicy === "on-failure",
        deploy: deployBadgeText(found?.lastDeploy ?? null),
        deployReason: found?.lastDeploy?.reason ?? "",
      };
    }),
  );
  return (
    <>
      {facts.count > 1 && (
        <span className="badge badge-replicas" data-replicas={facts.count} title={`instances: ${facts.instanceWords}`}>
          ×{facts.count} <span aria-hidden="true">{facts.instances}</span>
          <span className="visually-hidden">{facts.instanceWords}</span>
        </span>
      )}
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
