"use client";
// The running shop as a graph: the microservices (services, the broker and its queues), the monolith (one box holding
// its modules and its in-process bus), or when both run one of them at a time with the other summarised above; an
// arrow per call and queue path. Fitted to its space whenever that space changes, so its text stays readable.
import { useCallback, useEffect, useMemo } from "react";
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Edge,
  type Node,
  type NodeChange,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useStore } from "zustand";
import type { StackId } from "../../lib/contract/events";
import type { Architecture } from "../../lib/contract/services";
import { graphFocusStore } from "../../lib/client/stores/graph-focus-store";
import { allGraphNodes, graphEdges, graphNodes, type GraphNodeModel } from "../../lib/client/topology";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { moveNode, savePositions, select, uiStore } from "../../lib/client/stores/ui-store";
import { BrokerNode } from "./BrokerNode";
import { BusNode } from "./BusNode";
import { ClientNode } from "./ClientNode";
import { FlowEdge } from "./FlowEdge";
import { GraphLegend } from "./GraphLegend";
import { ModuleNode } from "./ModuleNode";
import { MonolithNode } from "./MonolithNode";
import { QueueNode } from "./QueueNode";
import { ServiceNode } from "./ServiceNode";
import { StackBar } from "./StackBar";
import { TraceHighlighter } from "./TraceHighlighter";
import { ClassroomViewport } from "../classroom/ClassroomViewport";
import { noteMoveStart, noteUserMove } from "../../lib/client/stores/viewport-store";

// Defined once, outside any component: React Flow re-creates every node when these objects change.
const nodeTypes = {
  service: ServiceNode,
  queue: QueueNode,
  broker: BrokerNode,
  client: ClientNode,
  monolith: MonolithNode,
  module: ModuleNode,
  bus: BusNode,
};
const edgeTypes = { flow: FlowEdge };
const EDGE_COLOUR = { rest: "var(--edge-rest)", "in-process": "var(--edge-inproc)", publish: "var(--edge-queue)", consume: "var(--edge-queue)" } as const;

/** Little margin: every pixel of the canvas goes to the boxes, so they are drawn as large as they fit. */
const FIT = { padding: 0.02 } as const;

function edgesFor(architecture: Architecture, focus: StackId): Edge[] {
  return graphEdges(architecture, focus).map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle,
    targetHandle: edge.targetHandle,
    type: "flow",
    data: { kind: edge.kind, stack: edge.stack, sideways: edge.sideways ?? false },
    markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: EDGE_COLOUR[edge.kind] },
    selectable: false,
    focusable: false,
  }));
}

function ariaLabel(model: GraphNodeModel): string {
  const where = model.stack === "monolith" ? " (monolith)" : "";
  switch (model.kind) {
    case "client":
      return `shoppers' browsers${where}: press Enter to inspect`;
    case "broker":
      return "redis broker: press Enter to inspect";
    case "queue":
      return `queue ${model.ref}${where}: press Enter to inspect`;
    case "monolith":
      return "monolith, one process: press Enter to inspect";
    case "module":
      return `module ${model.ref} inside the monolith: press Enter to inspect`;
    case "bus":
      return "the monolith's in-process event bus: press Enter to inspect";
    default:
      return `${model.ref}: press Enter to inspect`;
  }
}

const isContainer = (kind: GraphNodeModel["kind"]) => kind === "broker" || kind === "bus" || kind === "monolith";

/**
 * Fits the graph again whenever its pane changes size: the inspector or a lesson opening or closing its column, the
 * legend folding, the window resized, the projector. The pane itself is watched (not React Flow's stored size, which
 * a column opening beside it did not always refresh), and the fit waits a frame so React Flow has read the new size.
 */
function FitOnResize() {
  const pane = useFlowStore((state) => state.domNode);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!pane) return;
    let seen = "";
    let frame = 0;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      const size = `${Math.round(width)}×${Math.round(height)}`;
      if (width === 0 || height === 0 || size === seen) return;
      const first = seen === "";
      seen = size;
      // The first size is the one React Flow fits by itself on mounting.
      if (first) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void fitView(FIT));
    });
    observer.observe(pane);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [pane, fitView]);
  return null;
}

function ArchitectureGraph({ architecture, focus }: { architecture: Architecture; focus: StackId }) {
  const models = useMemo(() => graphNodes(architecture, focus), [architecture, focus]);
  const edges = useMemo(() => edgesFor(architecture, focus), [architecture, focus]);
  const positions = useStore(uiStore, (view) => view.positions);
  const selectedId = useStore(uiStore, (view) => (view.selection?.kind === "node" ? view.selection.id : null));

  // The nodes change only when the architecture changes or a box is dragged or selected; live figures reach the
  // boxes through their own stores.
  const nodes: Node[] = useMemo(
    () =>
      models.map((model) => ({
        id: model.id,
        type: model.kind,
        position: positions[model.id] ?? model.position,
        parentId: model.parentId,
        extent: model.parentId ? ("parent" as const) : undefined,
        data: { stack: model.stack, ref: model.ref },
        selected: model.id === selectedId,
        ariaLabel: ariaLabel(model),
        style: model.size ? { width: model.size.width, height: model.size.height } : undefined,
        // Containers under what they hold; the monolith lowest, its bus above it, modules and inboxes on top.
        zIndex: model.kind === "monolith" ? -2 : isContainer(model.kind) ? -1 : undefined,
      })),
    [models, positions, selectedId],
  );

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    for (const change of changes) {
      if (change.type === "position" && change.position) uiStore.setState((view) => moveNode(view, change.id, change.position!), true);
      if (change.type === "select" && change.selected) uiStore.setState((view) => select(view, { kind: "node", id: change.id }), true);
    }
  }, []);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onNodeDragStop={() => savePositions(uiStore.getState().positions)}
      onMoveStart={noteMoveStart}
      onMoveEnd={noteUserMove}
      onPaneClick={() => uiStore.setState((view) => (view.selection?.kind === "node" ? select(view, null) : view), true)}
      nodesConnectable={false}
      edgesFocusable={false}
      fitView
      fitViewOptions={FIT}
      minZoom={0.2}
      maxZoom={2}
      colorMode="system"
      proOptions={{ hideAttribution: true }}
      deleteKeyCode={null}
    >
      <Background gap={24} size={1} />
      {/* Top left, in a row: the corner the layouts leave empty, so the buttons never cover a box. */}
      <Controls showInteractive={false} fitViewOptions={FIT} position="top-left" orientation="horizontal" />
      <FitOnResize />
      <ClassroomViewport fit={FIT} />
    </ReactFlow>
  );
}

/** Drops a selection whose box is no longer drawn (a switch took its stack away). */
function useForgetVanishedSelection(architecture: Architecture | null) {
  const selected = useStore(uiStore, (view) => (view.selection?.kind === "node" ? view.selection.id : null));
  if (architecture && selected && !allGraphNodes(architecture).some((model) => model.id === selected)) {
    queueMicrotask(() => uiStore.setState((view) => (view.selection?.kind === "node" && view.selection.id === selected ? select(view, null) : view), true));
  }
}

export function SystemGraph() {
  const architecture = useStore(sandboxStore, (view) => view.sandbox?.architecture ?? null);
  const focus = useStore(graphFocusStore, (view) => view.focus);
  useForgetVanishedSelection(architecture);
  const drawn = architecture === "both" ? focus : architecture;
  return (
    <div className="graph" aria-label="the shop's processes, queues and calls, live" data-architecture={architecture ?? "unknown"} data-drawn-stack={drawn ?? "none"}>
      <TraceHighlighter />
      {architecture && <StackBar architecture={architecture} />}
      <div className="graph-canvas">
        {architecture ? (
          // A new architecture (or the other stack drawn) is a new picture: remounting fits it to the screen again.
          <ArchitectureGraph key={`${architecture}:${drawn}`} architecture={architecture} focus={focus} />
        ) : (
          <p className="graph-waiting muted" aria-busy="true">
            ◌ Waiting for the sandbox to say what runs…
          </p>
        )}
      </div>
      {/* Under the graph, never over it: a box it covered could not be read or clicked. */}
      <GraphLegend architecture={architecture} />
    </div>
  );
}
