"use client";
// Above the graph: which stack is drawn, its processes and their memory added up; when both stacks run, a switch
// between them, the one not drawn summarised by its live figures so nothing it does goes unseen.
import { useStore } from "zustand";
import type { StackId } from "../../lib/contract/events";
import type { Architecture } from "../../lib/contract/services";
import { graphFocusStore, showStack } from "../../lib/client/stores/graph-focus-store";
import { formatStackMemory } from "../../lib/client/memory";
import { memoryStore } from "../../lib/client/stores/memory-store";
import { metricsStore } from "../../lib/client/stores/metrics-store";
import { shopperChip } from "../../lib/client/stack-chip";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { nodeIdIn } from "../../lib/client/topology";
import { timeStore } from "../../lib/client/stores/time-travel-store";

const TITLE = { microservices: "Microservices", monolith: "Monolith" } as const;
const WHAT = {
  microservices: "a process per service, calls over HTTP, events through redis",
  monolith: "one process, calls are function calls, events through memory",
} as const;

/** A stack's status and its processes' memory, e.g. "running · 8 processes · 560 MB". */
function StackFigures({ stack, traffic }: { stack: StackId; traffic: boolean }) {
  const status = useStore(sandboxStore, (view) => view.sandbox?.stacks.find((candidate) => candidate.id === stack)?.status ?? null);
  const live = useStore(memoryStore, (view) => view.stacks[stack]);
  // A past moment has no memory figures: the recording keeps events and states, not /proc's readings.
  const away = useStore(timeStore, (view) => view.mode !== "live");
  const memory = away ? undefined : live;
  // What its shoppers get: the calls answered by its gateway (the monolith's gateway module), as on the boxes.
  const figures = useStore(metricsStore, (summary) => summary.nodes[nodeIdIn(stack, "api-gateway")]);
  const services = useStore(sandboxStore, (view) => view.sandbox?.services);
  const shoppers = traffic ? shopperChip(stack, services ?? [], figures) : null;
  return (
    <span className="stack-figures">
      {status && <span className={`stack-status stack-${status}`}>{status}</span>}
      <span data-stack-memory={stack} data-processes={memory?.processes ?? 0}>
        {memory ? formatStackMemory(memory) : away ? "memory not recorded" : "memory …"}
      </span>
      {shoppers && <span data-stack-shoppers={stack}>{shoppers}</span>}
    </span>
  );
}

export function StackBar({ architecture }: { architecture: Architecture }) {
  const focus = useStore(graphFocusStore, (view) => view.focus);
  if (architecture !== "both") {
    return (
      <div className="stack-bar" data-stack-bar={architecture}>
        <span className="stack-bar-title" data-stack-label={architecture}>
          {TITLE[architecture]}
        </span>
        <span className="muted stack-bar-what">{WHAT[architecture]}</span>
        <StackFigures stack={architecture} traffic={false} />
      </div>
    );
  }
  return (
    <div className="stack-bar" data-stack-bar="both" role="group" aria-label="Which stack the graph draws">
      <span className="muted">Drawn:</span>
      {(["microservices", "monolith"] as const).map((stack) => (
        <button
          key={stack}
          type="button"
          className="stack-choice"
          aria-pressed={focus === stack}
          data-stack-label={stack}
          onClick={() => showStack(stack)}
          title={focus === stack ? `the graph draws the ${stack}` : `draw the ${stack} instead (${WHAT[stack]})`}
        >
          <span className="stack-bar-title">{TITLE[stack]}</span> <StackFigures stack={stack} traffic={focus !== stack} />
        </button>
      ))}
    </div>
  );
}
