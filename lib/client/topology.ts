// The shop drawn as a graph: which boxes and arrows exist, where they start, and which arrow an event travels.
import type { TelemetryEvent } from "../contract/events";
import { REST_DEPENDENCIES, SHOP_SERVICE_IDS, queueTopology, type ShopServiceId } from "../contract/services";

export type GraphNodeKind = "client" | "service" | "broker" | "queue";
export type GraphEdgeKind = "rest" | "publish" | "consume";

export interface GraphNodeModel {
  id: string;
  kind: GraphNodeKind;
  position: { x: number; y: number };
  /** Queues live inside the broker's box. */
  parentId?: string;
  size?: { width: number; height: number };
}

export interface GraphEdgeModel {
  id: string;
  kind: GraphEdgeKind;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
}

/** The caller outside the shop: a shopper's browser, reaching the gateway through the app's proxy. */
export const CLIENT_NODE = "client";
export const BROKER_NODE = "redis";

export const SERVICE_WIDTH = 172;
export const QUEUE_WIDTH = 156;
const COLUMN = 196;

/**
 * Where each box starts. The shopper enters at the top, the gateway fans out to the services below it, each
 * consumer's inbox sits right under the consumer inside the broker's band, and payment-service (reached only
 * through queues) sits under the band, so every publish arrow points into the band and every consume arrow out.
 */
const SERVICE_PLACES: Record<ShopServiceId, { x: number; y: number }> = {
  "api-gateway": { x: 2 * COLUMN, y: 85 },
  "auth-service": { x: 0, y: 220 },
  "user-service": { x: COLUMN, y: 220 },
  "product-service": { x: 2 * COLUMN, y: 220 },
  "order-service": { x: 3 * COLUMN, y: 220 },
  "notification-service": { x: 4 * COLUMN, y: 220 },
  "payment-service": { x: COLUMN, y: 545 },
};
const BROKER_PLACE = { x: -16, y: 375, width: 4 * COLUMN + SERVICE_WIDTH + 32, height: 118 };
/** Column of each inbox inside the broker band (relative x), under its consumer where it has one above. */
const QUEUE_COLUMN: Record<string, number> = {
  "payment-inbox": 1,
  "product-inbox": 2,
  "order-inbox": 3,
  "notification-inbox": 4,
};

export const queueNodeId = (queue: string): string => `queue:${queue}`;
export const restEdgeId = (from: string, to: string): string => `rest:${from}->${to}`;
export const publishEdgeId = (publisher: string, queue: string): string => `publish:${publisher}->${queue}`;
export const consumeEdgeId = (queue: string, consumer: string): string => `consume:${queue}->${consumer}`;

const isAbove = (service: ShopServiceId) => SERVICE_PLACES[service].y < BROKER_PLACE.y;

export function graphNodes(): GraphNodeModel[] {
  const nodes: GraphNodeModel[] = [
    { id: CLIENT_NODE, kind: "client", position: { x: 2 * COLUMN + (SERVICE_WIDTH - 140) / 2, y: 0 } },
    ...SHOP_SERVICE_IDS.map((id): GraphNodeModel => ({ id, kind: "service", position: SERVICE_PLACES[id] })),
    {
      id: BROKER_NODE,
      kind: "broker",
      position: { x: BROKER_PLACE.x, y: BROKER_PLACE.y },
      size: { width: BROKER_PLACE.width, height: BROKER_PLACE.height },
    },
  ];
  for (const { queue } of queueTopology()) {
    const column = QUEUE_COLUMN[queue] ?? 0;
    nodes.push({
      id: queueNodeId(queue),
      kind: "queue",
      parentId: BROKER_NODE,
      position: { x: column * COLUMN - BROKER_PLACE.x + (SERVICE_WIDTH - QUEUE_WIDTH) / 2, y: 44 },
    });
  }
  return nodes;
}

/** REST calls between siblings in the same row go side to side; everything else enters from the top. */
function restHandles(from: string, to: string): { sourceHandle: string; targetHandle: string } {
  const a = SERVICE_PLACES[from as ShopServiceId];
  const b = SERVICE_PLACES[to as ShopServiceId];
  if (a && b && a.y === b.y) return a.x < b.x ? { sourceHandle: "right-out", targetHandle: "left-in" } : { sourceHandle: "left-out", targetHandle: "right-in" };
  return { sourceHandle: "bottom", targetHandle: "top" };
}

export function graphEdges(): GraphEdgeModel[] {
  const edges: GraphEdgeModel[] = [
    { id: restEdgeId(CLIENT_NODE, "api-gateway"), kind: "rest", source: CLIENT_NODE, target: "api-gateway", sourceHandle: "bottom", targetHandle: "top" },
  ];
  for (const { from, to } of REST_DEPENDENCIES) {
    edges.push({ id: restEdgeId(from, to), kind: "rest", source: from, target: to, ...restHandles(from, to) });
  }
  for (const { queue, consumer, publishers } of queueTopology()) {
    for (const publisher of publishers) {
      const above = isAbove(publisher);
      edges.push({
        id: publishEdgeId(publisher, queue),
        kind: "publish",
        source: publisher,
        target: queueNodeId(queue),
        sourceHandle: above ? "publish-bottom" : "publish-top",
        targetHandle: above ? "in-top" : "in-bottom",
      });
    }
    const above = isAbove(consumer);
    edges.push({
      id: consumeEdgeId(queue, consumer),
      kind: "consume",
      source: queueNodeId(queue),
      target: consumer,
      sourceHandle: above ? "out-top" : "out-bottom",
      targetHandle: above ? "consume-bottom" : "consume-top",
    });
  }
  return edges;
}

/**
 * The arrow an event travels along, or null when it does not travel (logs, lifecycle, a queue job finishing).
 * A job being added goes publisher → queue; a job being taken (or failing) goes queue → consumer.
 */
export function edgeForEvent(event: TelemetryEvent): string | null {
  // The graph draws the microservices stack; the monolith's in-process calls have no arrow of their own here.
  if (event.stack !== "microservices") return null;
  if (event.type === "http") return restEdgeId(event.from, event.to);
  if (event.type !== "queue") return null;
  if (event.state === "added") return publishEdgeId(event.service, event.queue);
  if (event.state === "active" || event.state === "failed" || event.state === "stalled" || event.state === "retry") {
    return consumeEdgeId(event.queue, event.service);
  }
  return null;
}

/** The graph nodes an event touches, for highlighting a trace. */
export function nodesForEvent(event: TelemetryEvent): string[] {
  if (event.type === "http" || event.type === "circuit") return [event.from, event.to];
  if (event.type === "queue") return [event.service, queueNodeId(event.queue), BROKER_NODE];
  return [event.service];
}
