// The shop drawn as a graph: which boxes and arrows exist for the architecture that runs, where they start, and
// which arrow an event travels. The microservices keep their bare ids ("api-gateway"); the monolith's parts are
// prefixed ("monolith/api-gateway"), so both stacks can be drawn at once and every id stays unique.
import type { StackId, TelemetryEvent } from "../contract/events";
import { MONOLITH_ID, REST_DEPENDENCIES, SHOP_SERVICE_IDS, queueTopology, type Architecture, type ShopServiceId } from "../contract/services";

export type GraphNodeKind = "client" | "service" | "broker" | "queue" | "monolith" | "module" | "bus" | "stack-label";
/** `in-process`: a module's function call inside the monolith, drawn where the microservices have a REST arrow. */
export type GraphEdgeKind = "rest" | "publish" | "consume" | "in-process";

export interface GraphNodeModel {
  id: string;
  kind: GraphNodeKind;
  stack: StackId;
  /** What the box stands for: the service or module id, the queue name, or the stack for a label. */
  ref: string;
  position: { x: number; y: number };
  /** Queues live inside the broker's box (or the bus), modules inside the monolith's. */
  parentId?: string;
  size?: { width: number; height: number };
}

export interface GraphEdgeModel {
  id: string;
  kind: GraphEdgeKind;
  stack: StackId;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
}

/** The caller outside the shop: a shopper's browser, reaching the gateway through the app's proxy. */
export const CLIENT_NODE = "client";
export const BROKER_NODE = "redis";
export const MONOLITH_NODE = MONOLITH_ID;
const MONOLITH_PREFIX = `${MONOLITH_ID}/`;
export const BUS_NODE = `${MONOLITH_PREFIX}bus`;

export const SERVICE_WIDTH = 172;
export const QUEUE_WIDTH = 156;
export const MODULE_WIDTH = 140;
export const INBOX_WIDTH = 130;
const COLUMN = 196;
const MODULE_COLUMN = 158;
const MODULE_PAD = 20;

/** Which stacks an architecture runs. */
export const stacksOf = (architecture: Architecture): StackId[] =>
  architecture === "both" ? ["microservices", "monolith"] : [architecture];

/** A part's node id in its stack: bare for the microservices, prefixed inside the monolith. */
export const nodeIdIn = (stack: StackId, id: string): string => (stack === "microservices" ? id : `${MONOLITH_PREFIX}${id}`);
/** The stack a node id belongs to and the part it stands for ("monolith/api-gateway" → monolith, api-gateway). */
export function parseNodeId(nodeId: string): { stack: StackId; ref: string } {
  if (nodeId === MONOLITH_NODE) return { stack: "monolith", ref: MONOLITH_NODE };
  if (nodeId.startsWith(MONOLITH_PREFIX)) return { stack: "monolith", ref: nodeId.slice(MONOLITH_PREFIX.length) };
  return { stack: "microservices", ref: nodeId };
}

export const queueNodeId = (queue: string, stack: StackId = "microservices"): string => nodeIdIn(stack, `queue:${queue}`);
const inStack = (stack: StackId, edgeId: string) => (stack === "microservices" ? edgeId : `${MONOLITH_PREFIX}${edgeId}`);
export const restEdgeId = (from: string, to: string, stack: StackId = "microservices"): string => inStack(stack, `rest:${from}->${to}`);
export const publishEdgeId = (publisher: string, queue: string, stack: StackId = "microservices"): string => inStack(stack, `publish:${publisher}->${queue}`);
export const consumeEdgeId = (queue: string, consumer: string, stack: StackId = "microservices"): string => inStack(stack, `consume:${queue}->${consumer}`);

interface StackLayout {
  /** Where each service (or module) box starts, relative to its parent when it has one. */
  places: Record<ShopServiceId, { x: number; y: number }>;
  /** The broker's band (microservices) or the event bus (monolith), relative likewise. */
  band: { x: number; y: number; width: number; height: number };
  column: number;
  boxWidth: number;
  queueWidth: number;
  queueY: number;
}

/** Column of each inbox inside the band, under its consumer where it has one above. */
const QUEUE_COLUMN: Record<string, number> = {
  "payment-inbox": 1,
  "product-inbox": 2,
  "order-inbox": 3,
  "notification-inbox": 4,
};

/** The same arrangement twice, so the two stacks compare hop for hop: gateway, a row of services, the band, payment. */
function placesFor(column: number, left: number, rows: { gateway: number; row: number; below: number }): Record<ShopServiceId, { x: number; y: number }> {
  return {
    "api-gateway": { x: left + 2 * column, y: rows.gateway },
    "auth-service": { x: left, y: rows.row },
    "user-service": { x: left + column, y: rows.row },
    "product-service": { x: left + 2 * column, y: rows.row },
    "order-service": { x: left + 3 * column, y: rows.row },
    "notification-service": { x: left + 4 * column, y: rows.row },
    "payment-service": { x: left + column, y: rows.below },
  };
}

/**
 * The microservices: the shopper enters at the top, the gateway fans out to the services below it, each consumer's
 * inbox sits right under the consumer inside the broker's band, and payment-service (reached only through queues)
 * sits under the band, so every publish arrow points into the band and every consume arrow out.
 */
const MICROSERVICES: StackLayout = {
  places: placesFor(COLUMN, 0, { gateway: 85, row: 220, below: 545 }),
  band: { x: -16, y: 375, width: 4 * COLUMN + SERVICE_WIDTH + 32, height: 118 },
  column: COLUMN,
  boxWidth: SERVICE_WIDTH,
  queueWidth: QUEUE_WIDTH,
  queueY: 44,
};
/** The microservices' right edge, where the monolith starts when both are drawn. */
const MICROSERVICES_RIGHT = MICROSERVICES.band.x + MICROSERVICES.band.width;

/** The monolith: the same arrangement, smaller, inside one box; positions relative to that box. */
const MONOLITH: StackLayout = {
  places: placesFor(MODULE_COLUMN, MODULE_PAD, { gateway: 88, row: 188, below: 420 }),
  band: { x: MODULE_PAD - 10, y: 292, width: 4 * MODULE_COLUMN + MODULE_WIDTH + 20, height: 104 },
  column: MODULE_COLUMN,
  boxWidth: MODULE_WIDTH,
  queueWidth: INBOX_WIDTH,
  queueY: 40,
};
export const MONOLITH_SIZE = { width: 2 * MODULE_PAD + 4 * MODULE_COLUMN + MODULE_WIDTH, height: 500 };
/** The monolith's box below its shoppers; beside the microservices when both run. */
const monolithOrigin = (architecture: Architecture) => ({ x: architecture === "both" ? MICROSERVICES_RIGHT + 60 : 0, y: 60 });

const layoutOf = (stack: StackId): StackLayout => (stack === "microservices" ? MICROSERVICES : MONOLITH);
const isAbove = (stack: StackId, service: ShopServiceId) => layoutOf(stack).places[service].y < layoutOf(stack).band.y;

function microservicesNodes(): GraphNodeModel[] {
  const stack = "microservices";
  const { places, band } = MICROSERVICES;
  return [
    { id: CLIENT_NODE, kind: "client", stack, ref: CLIENT_NODE, position: { x: places["api-gateway"].x + (SERVICE_WIDTH - 140) / 2, y: 0 } },
    ...SHOP_SERVICE_IDS.map((id): GraphNodeModel => ({ id, kind: "service", stack, ref: id, position: places[id] })),
    { id: BROKER_NODE, kind: "broker", stack, ref: BROKER_NODE, position: { x: band.x, y: band.y }, size: { width: band.width, height: band.height } },
    ...queueNodes(stack, BROKER_NODE),
  ];
}

function monolithNodes(architecture: Architecture): GraphNodeModel[] {
  const stack = "monolith";
  const origin = monolithOrigin(architecture);
  const { places, band } = MONOLITH;
  return [
    {
      id: nodeIdIn(stack, CLIENT_NODE),
      kind: "client",
      stack,
      ref: CLIENT_NODE,
      position: { x: origin.x + places["api-gateway"].x + (MODULE_WIDTH - 140) / 2, y: origin.y - 60 },
    },
    { id: MONOLITH_NODE, kind: "monolith", stack, ref: MONOLITH_NODE, position: origin, size: MONOLITH_SIZE },
    ...SHOP_SERVICE_IDS.map((id): GraphNodeModel => ({ id: nodeIdIn(stack, id), kind: "module", stack, ref: id, parentId: MONOLITH_NODE, position: places[id] })),
    { id: BUS_NODE, kind: "bus", stack, ref: "bus", parentId: MONOLITH_NODE, position: { x: band.x, y: band.y }, size: { width: band.width, height: band.height } },
    ...queueNodes(stack, BUS_NODE),
  ];
}

function queueNodes(stack: StackId, parentId: string): GraphNodeModel[] {
  const { band, column, boxWidth, queueWidth, queueY, places } = layoutOf(stack);
  const left = places["auth-service"].x;
  return queueTopology().map(({ queue }) => ({
    id: queueNodeId(queue, stack),
    kind: "queue" as const,
    stack,
    ref: queue,
    parentId,
    position: { x: left + (QUEUE_COLUMN[queue] ?? 0) * column - band.x + (boxWidth - queueWidth) / 2, y: queueY },
  }));
}

/** A heading over each stack when both are drawn, so a learner knows which is which. */
function stackLabels(): GraphNodeModel[] {
  return [
    { id: "label:microservices", kind: "stack-label", stack: "microservices", ref: "microservices", position: { x: MICROSERVICES.band.x, y: -70 } },
    { id: "label:monolith", kind: "stack-label", stack: "monolith", ref: "monolith", position: { x: monolithOrigin("both").x, y: -70 } },
  ];
}

/** Every box of the architecture, parents before their children (React Flow needs them in that order). */
export function graphNodes(architecture: Architecture = "microservices"): GraphNodeModel[] {
  const nodes: GraphNodeModel[] = [];
  if (architecture === "both") nodes.push(...stackLabels());
  for (const stack of stacksOf(architecture)) nodes.push(...(stack === "microservices" ? microservicesNodes() : monolithNodes(architecture)));
  return nodes;
}

/** Calls between siblings in the same row go side to side; everything else enters from the top. */
function restHandles(stack: StackId, from: string, to: string): { sourceHandle: string; targetHandle: string } {
  const places = layoutOf(stack).places;
  const a = places[from as ShopServiceId];
  const b = places[to as ShopServiceId];
  if (a && b && a.y === b.y) return a.x < b.x ? { sourceHandle: "right-out", targetHandle: "left-in" } : { sourceHandle: "left-out", targetHandle: "right-in" };
  return { sourceHandle: "bottom", targetHandle: "top" };
}

function stackEdges(stack: StackId): GraphEdgeModel[] {
  const id = (part: string) => nodeIdIn(stack, part);
  const edges: GraphEdgeModel[] = [
    // The shopper's call is real HTTP in both stacks: into the gateway process, or into the monolith's gateway module.
    { id: restEdgeId(CLIENT_NODE, "api-gateway", stack), kind: "rest", stack, source: id(CLIENT_NODE), target: id("api-gateway"), sourceHandle: "bottom", targetHandle: "top" },
  ];
  for (const { from, to } of REST_DEPENDENCIES) {
    const kind = stack === "microservices" ? "rest" : "in-process";
    edges.push({ id: restEdgeId(from, to, stack), kind, stack, source: id(from), target: id(to), ...restHandles(stack, from, to) });
  }
  for (const { queue, consumer, publishers } of queueTopology()) {
    for (const publisher of publishers) {
      const above = isAbove(stack, publisher);
      edges.push({
        id: publishEdgeId(publisher, queue, stack),
        kind: "publish",
        stack,
        source: id(publisher),
        target: queueNodeId(queue, stack),
        sourceHandle: above ? "publish-bottom" : "publish-top",
        targetHandle: above ? "in-top" : "in-bottom",
      });
    }
    const above = isAbove(stack, consumer);
    edges.push({
      id: consumeEdgeId(queue, consumer, stack),
      kind: "consume",
      stack,
      source: queueNodeId(queue, stack),
      target: id(consumer),
      sourceHandle: above ? "out-top" : "out-bottom",
      targetHandle: above ? "consume-bottom" : "consume-top",
    });
  }
  return edges;
}

export function graphEdges(architecture: Architecture = "microservices"): GraphEdgeModel[] {
  return stacksOf(architecture).flatMap(stackEdges);
}

/**
 * The arrow an event travels along, or null when it does not travel (logs, lifecycle, a queue job finishing).
 * A job being added goes publisher → queue; a job being taken (or failing) goes queue → consumer. In the monolith a
 * shopper's call (client → monolith) enters its gateway module, and module calls travel the in-process arrows.
 */
export function edgeForEvent(event: TelemetryEvent): string | null {
  const stack = event.stack;
  if (event.type === "http") {
    if (stack === "monolith" && event.to === MONOLITH_ID) return restEdgeId(event.from, "api-gateway", stack);
    return restEdgeId(event.from, event.to, stack);
  }
  if (event.type !== "queue") return null;
  if (event.state === "added") return publishEdgeId(event.service, event.queue, stack);
  if (event.state === "active" || event.state === "failed" || event.state === "stalled" || event.state === "retry") {
    return consumeEdgeId(event.queue, event.service, stack);
  }
  return null;
}

/** The graph nodes an event touches, for highlighting a trace. A monolith event also touches the monolith's box. */
export function nodesForEvent(event: TelemetryEvent): string[] {
  const stack = event.stack;
  const id = (part: string) => (stack === "monolith" && part === MONOLITH_ID ? MONOLITH_NODE : nodeIdIn(stack, part));
  const box = stack === "monolith" ? [MONOLITH_NODE, BUS_NODE] : [];
  if (event.type === "http" || event.type === "circuit") {
    const to = stack === "monolith" && event.to === MONOLITH_ID ? "api-gateway" : event.to;
    return [id(event.from), id(to), ...box];
  }
  if (event.type === "queue") return [id(event.service), queueNodeId(event.queue, stack), stack === "microservices" ? BROKER_NODE : BUS_NODE, ...box];
  return [id(event.service), ...box];
}
