"use client";
// On a process box (a microservice, or the monolith as a whole): where it listens and its pid, or once scaled one
// entry per instance with its own pid, and the resident memory of all of them ("73 MB", "×3 = 210 MB").
import { memo } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { ServiceStatus } from "../../lib/contract/services";
import { instanceSlots, scalingProgress } from "../../lib/client/instances";
import { formatCopiesMemory } from "../../lib/client/memory";
import { memoryStore } from "../../lib/client/stores/memory-store";
import { STATUS_SYMBOL, STATUS_TONE } from "../../lib/client/status";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { timeStore } from "../../lib/client/stores/time-travel-store";

type Slot = [id: string, status: ServiceStatus, pid: number | null];

function useProcessFacts(service: string) {
  return useStore(
    sandboxStore,
    useShallow((view) => {
      const found = view.sandbox?.services.find((candidate) => candidate.id === service);
      return {
        status: found?.status ?? null,
        port: found?.port ?? null,
        pid: found?.pid ?? null,
        scaled: !!found && (found.replicas > 1 || found.instances.length > 1),
        // A string, so the shallow comparison sees a change only when an instance really changed.
        slots: found ? JSON.stringify(instanceSlots(found).map((slot): Slot => [slot.instanceId, slot.status, slot.pid])) : "[]",
        progress: found ? scalingProgress(found) : null,
      };
    }),
  );
}

/** `copies` names what an instance is: "instances" of a service, "copies" of the monolith. */
function ProcessInstancesView({ service, copies = "instances" }: { service: string; copies?: "instances" | "copies" }) {
  const facts = useProcessFacts(service);
  // A past moment has no memory figures: the recording keeps events and states, not /proc's readings.
  const away = useStore(timeStore, (view) => view.mode !== "live");
  const live = useStore(memoryStore, (view) => view.services[service]);
  const memory = away ? undefined : live;
  const slots = JSON.parse(facts.slots) as Slot[];
  const down = facts.status === "stopped" || facts.status === "crashed";
  return (
    <>
      {facts.scaled ? (
        <ul className="node-instances" aria-label={`${copies} of ${service}`} data-replicas={slots.length} title={`each ${copies === "copies" ? "copy" : "instance"} is its own process`}>
          {slots.map(([id, status, pid]) => (
            <li key={id} className={`tone-${STATUS_TONE[status]}`} data-instance-status={status}>
              <span aria-hidden="true">{STATUS_SYMBOL[status]}</span> {pid ?? "—"}
              <span className="visually-hidden"> {status}</span>
            </li>
          ))}
        </ul>
      ) : (
        <div className="node-facts">
          <span>:{facts.port ?? "—"}</span>
          <span>pid {facts.pid ?? "—"}</span>
        </div>
      )}
      <div className="node-memory" data-memory={service} data-processes={memory?.processes ?? 0} title="resident memory of its processes, measured from /proc">
        {down && !memory ? (
          <span className="muted">no process running</span>
        ) : away ? (
          <span className="muted">memory not recorded</span>
        ) : (
          <>
            <span className="muted">memory </span>
            <strong>{memory ? formatCopiesMemory(memory) : "…"}</strong>
          </>
        )}
        {facts.progress && <span className="node-progress"> · {facts.progress}</span>}
      </div>
    </>
  );
}

export const ProcessInstances = memo(ProcessInstancesView);
