"use client";
// The heading over each stack when both run, so a learner always knows which picture is which.
import { memo } from "react";
import { useReactFlow, type NodeProps } from "@xyflow/react";
import { useStore } from "zustand";
import { sandboxStore } from "../lib/client/store";
import { graphNodes } from "../lib/client/topology";

const TITLE = { microservices: "Microservices", monolith: "Monolith" } as const;
const WHAT = {
  microservices: "a process per service, calls over HTTP, events through redis",
  monolith: "one process, calls are function calls, events through memory",
} as const;

/** The top-level boxes of one stack when both are drawn: what "zoom to this stack" fits on the screen. */
const boxesOf = (stack: string) => graphNodes("both").filter((node) => node.stack === stack && !node.parentId).map((node) => ({ id: node.id }));

function StackLabelNodeView({ data }: NodeProps) {
  const stack = data.ref as keyof typeof TITLE;
  const status = useStore(sandboxStore, (view) => view.sandbox?.stacks.find((candidate) => candidate.id === stack)?.status ?? null);
  const { fitView } = useReactFlow();
  return (
    <div className="stack-label" data-stack-label={stack}>
      <span className="stack-label-title">{TITLE[stack]}</span> <span className="muted">{WHAT[stack]}</span>
      {status && <span className={`stack-status stack-${status}`}> · {status}</span>}{" "}
      <button
        type="button"
        className="zoom-stack nodrag"
        title="the fit button (bottom left of the graph) shows both again"
        onClick={() => void fitView({ nodes: boxesOf(stack), padding: 0.04, duration: 300 })}
      >
        ⤢ zoom to the {stack}
      </button>
    </div>
  );
}

export const StackLabelNode = memo(StackLabelNodeView);
