"use client";
// One queue: whose inbox it is, who publishes into it, which events it carries and what BullMQ counts in it — or,
// inside the monolith, the same inbox on its in-process bus.
import { useStore } from "zustand";
import type { StackId } from "../../lib/contract/events";
import { queueTopology } from "../../lib/contract/services";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { metricsStore } from "../../lib/client/stores/metrics-store";
import { consumeEdgeId } from "../../lib/client/topology";
import { formatRate } from "../../lib/client/metrics";

const TOPOLOGY = queueTopology();

export function QueueInspector({ name, stack = "microservices" }: { name: string; stack?: StackId }) {
  const queue = useStore(sandboxStore, (view) => (stack === "microservices" ? view.sandbox?.queues.find((candidate) => candidate.name === name) : undefined));
  const place = TOPOLOGY.find((candidate) => candidate.queue === name);
  const taken = useStore(metricsStore, (summary) => (place ? summary.edges[consumeEdgeId(name, place.consumer, stack)] ?? 0 : 0));
  return (
    <div className="queue-inspector" data-queue-inspector={name} data-stack={stack}>
      <h2>
        {name}
        {stack === "monolith" ? " (monolith)" : ""}
      </h2>
      {place && (
        <p>
          The inbox of <strong>{place.consumer}</strong>: {place.publishers.join(", ")} add {place.events.join(", ")} here, and {place.consumer} takes
          them when it can — so a publisher never waits for it
          {stack === "monolith" ? ". It lives in the monolith's memory: what waits here is lost if the process dies." : ", and nothing is lost while it is down."}
        </p>
      )}
      {stack === "monolith" ? (
        <dl className="facts">
          <dt>taken</dt>
          <dd>{formatRate(taken)}</dd>
        </dl>
      ) : queue ? (
        <dl className="facts">
          <dt>waiting</dt>
          <dd>{queue.waiting}</dd>
          <dt>active</dt>
          <dd>{queue.active}</dd>
          <dt>delayed</dt>
          <dd>{queue.delayed}</dd>
          <dt>completed</dt>
          <dd>{queue.completed}</dd>
          <dt>failed</dt>
          <dd>{queue.failed}</dd>
          <dt>taken</dt>
          <dd>{formatRate(taken)}</dd>
        </dl>
      ) : (
        <p className="muted">No counts: the broker does not answer.</p>
      )}
    </div>
  );
}
