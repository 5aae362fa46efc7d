// The shop drawn as a graph: which boxes and arrows exist for the architecture that runs, where they start, and
// which arrow an event travels. The microservices keep their bare ids ("api-gateway"); the monolith's parts are
// prefixed ("monolith/api-gateway"), so both stacks can be drawn at once and every id stays unique.
import type { StackId, TelemetryEvent } from "../contract/events";
import { BROKER_ID, MONOLITH_ID, REST_DEPENDENCIES, SHOP_SERVICE_IDS, queueTopology, type Architecture, type ShopServiceId } from "../contract/services";

export type GraphNodeKind = "client" | "service" | "broker" | "queue" | "monolith" | "module" | "bus";
/** `in-process`: a module's function call inside the monolith, drawn where the microservices have a REST arrow. */
export type GraphEdgeKind = "rest" | "publish" | "consume" | "in-process";

export interface GraphNodeModel {
  id: string;
  kind: GraphNodeKind;
  stack: StackId;
  /** What the box stands for: the service or module id, or the queue name. */
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
  /**
   * An arrow between neighbours, drawn side to side (a call between two services of a row, or payment-service and
   * the band beside it): too short, or too tucked under the inboxes, to carry a label. What would be written on it (a
   * circuit's state, a partition) is written on the caller's box instead; its rate shows in its thickness.
   */
  sideways?: boolean;
}

/** The caller outside the shop: a shopper's browser, reaching the gateway through the app's proxy. */
export const CLIENT_NODE = "client";
export const BROKER_NODE = BROKER_ID;
export const MONOLITH_NODE = MONOLITH_ID;
const MONOLITH_PREFIX = `${MONOLITH_ID}/`;
export const BUS_NODE = `${MONOLITH_PREFIX}bus`;

/** Wide enough for "payment-service" in 14 px bold on one line; a longer name breaks after its hyphen. */
export const SERVICE_WIDTH = 180;
export const MODULE_WIDTH = 180;
const COLUMN = 194;
const MODULE_PAD = 16;
/** How wide the drawn shoppers' box is (ClientNode's CSS width). */
const CLIENT_WIDTH = 180;

/** Which stacks an architecture runs. */
export const stacksOf = (architecture: Architecture): StackId[] =>
  architecture === "both" ? ["microservices", "monolith"] : [architecture];

/**
 * Which stacks are drawn. Side by side, two stacks only fit a laptop's screen at a scale nobody can read, so when
 * both run one is drawn at a time (`focus`, the microservices unless told) and the other is summarised above it.
 */
export const drawnStacks = (architecture: Architecture, focus?: StackId): StackId[] =>
  architecture === "both" ? [focus ?? "microservices"] : [architecture];

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
  queueY: number;
}

/** Column of each inbox, under its consumer where it has one above; payment-service sits left of the band. */
const QUEUE_COLUMN: Record<string, number> = {
  "payment-inbox": 1,
  "product-inbox": 2,
  "order-inbox": 3,
  "notification-inbox": 4,
};

/**
 * The same arrangement in both stacks, so they compare hop for hop, and flat enough to be drawn at full size on a
 * laptop: the gateway on top, a row of five services under it, then payment-service (reached only through queues)
 * beside the band of inboxes, each inbox right under its consumer.
 */
function layoutAt(left: number, rows: { gateway: number; row: number; band: number; bandHeight: number }): StackLayout {
  const place = (column: number, y: number) => ({ x: left + column * COLUMN, y });
  return {
    places: {
      "api-gateway": place(2, rows.gateway),
      "auth-service": place(0, rows.row),
      "user-service": place(1, rows.row),
      "product-service": place(2, rows.row),
      "order-service": place(3, rows.row),
      "notification-service": place(4, rows.row),
      "payment-service": place(0, rows.band),
    },
    band: { x: left + COLUMN - 8, y: rows.band, width: 4 * COLUMN - (COLUMN - SERVICE_WIDTH) + 16, height: rows.bandHeight },
    queueY: 34,
  };
}

/** The broker's band reaches below its queues: payment-service's arrows dip under them, and their labels stay inside the picture. */
const MICROSERVICES = layoutAt(0, { gateway: 0, row: 158, band: 318, bandHeight: 126 });
/** The monolith: the same arrangement inside one box, positions relative to that box; its heading sits left of the gateway module. */
const MONOLITH = layoutAt(MODULE_PAD, { gateway: 12, row: 138, band: 262, bandHeight: 96 });
/** Room under the bus for payment-service's arrows dipping under the inboxes, and their labels. */
export const MONOLITH_SIZE = { width: 2 * MODULE_PAD + 4 * COLUMN + MODULE_WIDTH, height: 262 + 96 + 30 };
/** The monolith's box, under its shoppers. */
const MONOLITH_ORIGIN = { x: 0, y: 60 };

const layoutOf = (stack: StackId): StackLayout => (stack === "microservices" ? MICROSERVICES : MONOLITH);
const isAbove = (stack: StackId, service: ShopServiceId) => layoutOf(stack).places[service].y < layoutOf(stack).band.y;

function microservicesNodes(): GraphNodeModel[] {
  const stack = "microservices";
  const { places, band } = MICROSERVICES;
  return [
    // Left of the gateway, at the height of its name: the shoppers' calls come in from the side.
    { id: CLIENT_NODE, kind: "client", stack, ref: CLIENT_NODE, position: { x: places["api-gateway"].x - CLIENT_WIDTH - 56, y: places["api-gateway"].y + 18 } },
    ...SHOP_SERVICE_IDS.map((id): GraphNodeModel => ({ id, kind: "service", stack, ref: id, position: places[id] })),
    { id: BROKER_NODE, kind: "broker", stack, ref: BROKER_NODE, position: { x: band.x, y: band.y }, size: { width: band.width, height: band.height } },
    ...queueNodes(stack, BROKER_NODE),
  ];
}

function monolithNodes(): GraphNodeModel[] {
  const stack = "monolith";
  const origin = MONOLITH_ORIGIN;
  const { places, band } = MONOLITH;
  return [
    {
      id: nodeIdIn(stack, CLIENT_NODE),
      kind: "client",
      stack,
      ref: CLIENT_NODE,
      position: { x: origin.x + places["api-gateway"].x + (MODULE_WIDTH - CLIENT_WIDTH) / 2, y: 0 },
    },
    { id: MONOLITH_NODE, kind: "monolith", stack, ref: MONOLITH_NODE, position: origin, size: MONOLITH_SIZE },
    ...SHOP_SERVICE_IDS.map((id): GraphNodeModel => ({ id: nodeIdIn(stack, id), kind: "module", stack, ref: id, parentId: MONOLITH_NODE, position: places[id] })),
    { id: BUS_NODE, kind: "bus", stack, ref: "bus", parentId: MONOLITH_NODE, position: { x: band.x, y: band.y }, size: { width: band.width, height: band.height } },
    ...queueNodes(stack, BUS_NODE),
  ];
}

function queueNodes(stack: StackId, parentId: string): GraphNodeModel[] {
  const { band, queueY, places } = layoutOf(stack);
  const left = places["auth-service"].x;
  return queueTopology().map(({ queue }) => ({
    id: queueNodeId(queue, stack),
    kind: "queue" as const,
    stack,
    ref: queue,
    parentId,
    position: { x: left + (QUEUE_COLUMN[queue] ?? 0) * COLUMN - band.x, y: queueY },
  }));
}

/**
 * Every box drawn for the architecture, parents before their children (React Flow needs them in that order). When
 * both stacks run, only the `focus` stack's boxes (see `drawnStacks`); `allGraphNodes` lists both.
 */
export function graphNodes(architecture: Architecture = "microservices", focus?: StackId): GraphNodeModel[] {
  return drawnStacks(architecture, focus).flatMap((stack) => (stack === "microservices" ? microservicesNodes() : monolithNodes()));
}

/** Every box of every running stack, drawn or not: what a selection may point at. */
export const allGraphNodes = (architecture: Architecture): GraphNodeModel[] => stacksOf(architecture).flatMap((stack) => graphNodes(stack));

/** Calls between siblings in the same row go side to side; everything else enters from the top. */
function restHandles(stack: StackId, from: string, to: string): { sourceHandle: string; targetHandle: string } {
  if (from === CLIENT_NODE) return stack === "microservices" ? { sourceHandle: "right", targetHandle: "left-in" } : { sourceHandle: "bottom", targetHandle: "top" };
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
    { id: restEdgeId(CLIENT_NODE, "api-gateway", stack), kind: "rest", stack, source: id(CLIENT_NODE), target: id("api-gateway"), ...restHandles(stack, CLIENT_NODE, "api-gateway") },
  ];
  for (const { from, to } of REST_DEPENDENCIES) {
    const kind = stack === "microservices" ? "rest" : "in-process";
    const handles = restHandles(stack, from, to);
    edges.push({ id: restEdgeId(from, to, stack), kind, stack, source: id(from), target: id(to), ...handles, sideways: handles.sourceHandle !== "bottom" });
  }
  for (const { queue, consumer, publishers } of queueTopology()) {
    // A service above the band reaches it through its bottom; payment-service, beside the band, publishes under it
    // (the arrows dip below the band into the inboxes) and takes its own inbox's jobs from the side.
    for (const publisher of publishers) {
      const above = isAbove(stack, publisher);
      edges.push({
        id: publishEdgeId(publisher, queue, stack),
        kind: "publish",
        stack,
        source: id(publisher),
        target: queueNodeId(queue, stack),
        sourceHandle: "publish-bottom",
        targetHandle: above ? "in-top" : "in-bottom",
        sideways: !above,
      });
    }
    const above = isAbove(stack, consumer);
    edges.push({
      id: consumeEdgeId(queue, consumer, stack),
      kind: "consume",
      stack,
      source: queueNodeId(queue, stack),
      target: id(consumer),
      sourceHandle: above ? "out-top" : "out-left",
      targetHandle: above ? "consume-bottom" : "right-in",
      sideways: !above,
    });
  }
  return edges;
}

/** The arrows between the drawn boxes (see `graphNodes`). */
export function graphEdges(architecture: Architecture = "microservices", focus?: StackId): GraphEdgeModel[] {
  return drawnStacks(architecture, focus).flatMap(stackEdges);
}

/** The calls drawn side to side (see `GraphEdgeModel.sideways`), by the edge id; the same in both stacks. */
export const sidewaysCalls = (stack: StackId): Array<{ edge: string; from: string; to: string }> =>
  REST_DEPENDENCIES.filter(({ from, to }) => restHandles(stack, from, to).sourceHandle !== "bottom").map(({ from, to }) => ({ edge: restEdgeId(from, to, stack), to, from }));

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
