"use client";
// The heading over each stack when both run, so a learner always knows which picture is which.
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { useStore } from "zustand";
import { sandboxStore } from "../lib/client/store";

const TITLE = { microservices: "Microservices", monolith: "Monolith" } as const;
const WHAT = {
  microservices: "a process per service, calls over HTTP, events through redis",
  monolith: "one process, calls are function calls, events through memory",
} as const;

function StackLabelNodeView({ data }: NodeProps) {
  const stack = data.ref as keyof typeof TITLE;
  const status = useStore(sandboxStore, (view) => view.sandbox?.stacks.find((candidate) => candidate.id === stack)?.status ?? null);
  return (
    <div className="stack-label" data-stack-label={stack}>
      <span className="stack-label-title">{TITLE[stack]}</span> <span className="muted">{WHAT[stack]}</span>
      {status && <span className={`stack-status stack-${status}`}> · {status}</span>}
    </div>
  );
}

export const StackLabelNode = memo(StackLabelNodeView);
