"use client";
// The running shop as a graph: services, the broker and its queues, and an arrow per REST call and queue path.
import { useCallback, useMemo } from "react";
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node, type NodeChange } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useStore } from "zustand";
import { graphEdges, graphNodes } from "../lib/client/topology";
import { moveNode, savePositions, select, uiStore } from "../lib/client/ui-store";
import { BrokerNode } from "./BrokerNode";
import { ClientNode } from "./ClientNode";
import { FlowEdge } from "./FlowEdge";
import { GraphLegend } from "./GraphLegend";
import { QueueNode } from "./QueueNode";
import { ServiceNode } from "./ServiceNode";
import { TraceHighlighter } from "./TraceHighlighter";

// Defined once, outside any component: React Flow re-creates every node when these objects change.
const nodeTypes = { service: ServiceNode, queue: QueueNode, broker: BrokerNode, client: ClientNode };
const edgeTypes = { flow: FlowEdge };
const MODEL_NODES = graphNodes();
const EDGES: Edge[] = graphEdges().map((edge) => ({
  id: edge.id,
  source: edge.source,
  target: edge.target,
  sourceHandle: edge.sourceHandle,
  targetHandle: edge.targetHandle,
  type: "flow",
  data: { kind: edge.kind },
  markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: edge.kind === "rest" ? "var(--edge-rest)" : "var(--edge-queue)" },
  selectable: false,
  focusable: false,
}));

const ARIA_LABEL: Record<string, string> = {
  client: "shoppers' browsers",
  broker: "redis broker",
};

export function SystemGraph() {
  const positions = useStore(uiStore, (view) => view.positions);
  const selectedId = useStore(uiStore, (view) => (view.selection?.kind === "node" ? view.selection.id : null));

  // The nodes change only when a box is dragged or selected; live figures reach the boxes through their own stores.
  const nodes: Node[] = useMemo(
    () =>
      MODEL_NODES.map((model) => ({
        id: model.id,
        type: model.kind,
        position: positions[model.id] ?? model.position,
        parentId: model.parentId,
        extent: model.parentId ? ("parent" as const) : undefined,
        data: {},
        selected: model.id === selectedId,
        ariaLabel: `${ARIA_LABEL[model.kind] ?? model.id.replace(/^queue:/, "queue ")}: press Enter to inspect`,
        style: model.size ? { width: model.size.width, height: model.size.height } : undefined,
        zIndex: model.kind === "broker" ? -1 : undefined,
      })),
    [positions, selectedId],
  );

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    for (const change of changes) {
      if (change.type === "position" && change.position) uiStore.setState((view) => moveNode(view, change.id, change.position!), true);
      if (change.type === "select" && change.selected) uiStore.setState((view) => select(view, { kind: "node", id: change.id }), true);
    }
  }, []);

  return (
    <div className="graph" aria-label="the shop's services, broker and queues, live">
      <TraceHighlighter />
      <ReactFlow
        nodes={nodes}
        edges={EDGES}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={() => savePositions(uiStore.getState().positions)}
        onPaneClick={() => uiStore.setState((view) => (view.selection?.kind === "node" ? select(view, null) : view), true)}
        nodesConnectable={false}
        edgesFocusable={false}
        fitView
        fitViewOptions={{ padding: 0.04 }}
        minZoom={0.3}
        maxZoom={2}
        colorMode="system"
        proOptions={{ hideAttribution: true }}
        deleteKeyCode={null}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
      <GraphLegend />
    </div>
  );
}

