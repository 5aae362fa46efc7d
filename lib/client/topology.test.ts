// The graph's boxes and arrows: every part of the shop is drawn, and every event finds the arrow it travels.
import { describe, expect, it } from "vitest";
import { REST_DEPENDENCIES, SHOP_SERVICE_IDS, queueTopology } from "../contract/services";
import {
  allGraphNodes,
  BROKER_NODE,
  BUS_NODE,
  MONOLITH_NODE,
  consumeEdgeId,
  edgeForEvent,
  graphEdges,
  graphNodes,
  nodeIdIn,
  nodesForEvent,
  parseNodeId,
  publishEdgeId,
  queueNodeId,
  restEdgeId,
  sidewaysCalls,
} from "./topology";
import { http, queue } from "./testing/test-events";

describe("graphNodes", () => {
  it("draws every service, the broker, every queue inside the broker, and the shoppers", () => {
    const nodes = graphNodes();
    const ids = nodes.map((node) => node.id);
    expect(ids).toEqual(expect.arrayContaining([...SHOP_SERVICE_IDS, "redis", "client", ...queueTopology().map(({ queue }) => queueNodeId(queue))]));
    for (const node of nodes.filter((candidate) => candidate.kind === "queue")) expect(node.parentId).toBe("redis");
    // React Flow needs a parent before its children.
    expect(ids.indexOf("redis")).toBeLessThan(ids.findIndex((id) => id.startsWith("queue:")));
  });

  it("puts the gateway between the shoppers and the services, and no two boxes on the same spot", () => {
    const at = Object.fromEntries(graphNodes().map((node) => [node.id, node.position]));
    // The shoppers come in from the gateway's left.
    expect(at["client"].x).toBeLessThan(at["api-gateway"].x);
    for (const id of SHOP_SERVICE_IDS.filter((id) => id !== "api-gateway")) expect(at[id].y).toBeGreaterThan(at["api-gateway"].y);
    const spots = graphNodes().filter((node) => !node.parentId).map((node) => `${node.position.x},${node.position.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });
});

describe("graphEdges", () => {
  it("has an arrow per REST dependency, per publisher of each queue and per consumer, plus the shoppers' entry", () => {
    const ids = new Set(graphEdges().map((edge) => edge.id));
    expect(ids.has(restEdgeId("client", "api-gateway"))).toBe(true);
    for (const { from, to } of REST_DEPENDENCIES) expect(ids.has(restEdgeId(from, to))).toBe(true);
    for (const { queue: name, consumer, publishers } of queueTopology()) {
      expect(ids.has(consumeEdgeId(name, consumer))).toBe(true);
      for (const publisher of publishers) expect(ids.has(publishEdgeId(publisher, name))).toBe(true);
    }
    expect(graphEdges()).toHaveLength(ids.size);
  });
});

describe("calls between neighbours", () => {
  it("draws a call between two services of the same row side to side, and only those", () => {
    const sideways = graphEdges().filter((edge) => edge.sideways && edge.kind === "rest").map((edge) => edge.id);
    expect(sideways.sort()).toEqual([restEdgeId("auth-service", "user-service"), restEdgeId("order-service", "product-service")].sort());
    expect(sidewaysCalls("microservices").map((call) => call.edge).sort()).toEqual(sideways.sort());
    expect(sidewaysCalls("monolith").map((call) => call.edge)).toEqual(
      graphEdges("monolith").filter((edge) => edge.sideways && edge.kind === "in-process").map((edge) => edge.id),
    );
    // payment-service, beside the band, reaches its inboxes by arrows tucked under them: no room for labels either.
    const queueArrows = graphEdges().filter((edge) => edge.kind !== "rest" && edge.sideways);
    expect(queueArrows.length).toBeGreaterThan(0);
    for (const edge of queueArrows) expect([edge.source, edge.target]).toContain("payment-service");
  });
});

describe("edgeForEvent", () => {
  it("sends a REST call along its caller → callee arrow", () => {
    expect(edgeForEvent(http({ from: "client", to: "api-gateway" }))).toBe("rest:client->api-gateway");
  });

  it("sends an added job from its publisher into the queue, and a taken or failed one out to the consumer", () => {
    expect(edgeForEvent(queue({ queue: "payment-inbox", state: "added", service: "order-service" }))).toBe("publish:order-service->payment-inbox");
    expect(edgeForEvent(queue({ queue: "payment-inbox", state: "active", service: "payment-service" }))).toBe("consume:payment-inbox->payment-service");
    expect(edgeForEvent(queue({ queue: "payment-inbox", state: "failed", service: "payment-service" }))).toBe("consume:payment-inbox->payment-service");
    expect(edgeForEvent(queue({ queue: "payment-inbox", state: "completed", service: "payment-service" }))).toBeNull();
  });

  it("sends the monolith's in-process calls along the arrows between its modules, and a shopper's call into its gateway module", () => {
    expect(edgeForEvent(http({ from: "api-gateway", to: "order-service", stack: "monolith", via: "in-process" }))).toBe("monolith/rest:api-gateway->order-service");
    expect(edgeForEvent(http({ from: "client", to: "monolith", stack: "monolith" }))).toBe(restEdgeId("client", "api-gateway", "monolith"));
    expect(edgeForEvent(queue({ queue: "payment-inbox", state: "added", service: "order-service", stack: "monolith" }))).toBe("monolith/publish:order-service->payment-inbox");
    expect(edgeForEvent(queue({ queue: "payment-inbox", state: "active", service: "payment-service", stack: "monolith" }))).toBe(consumeEdgeId("payment-inbox", "payment-service", "monolith"));
  });

  it("finds a drawn arrow for every monolith event of an order's journey", () => {
    const drawn = new Set(graphEdges("monolith").map((edge) => edge.id));
    for (const { from, to } of REST_DEPENDENCIES) expect(drawn.has(edgeForEvent(http({ from, to, stack: "monolith", via: "in-process" }))!)).toBe(true);
    for (const { queue: name, consumer, publishers } of queueTopology()) {
      expect(drawn.has(edgeForEvent(queue({ queue: name, state: "active", service: consumer, stack: "monolith" }))!)).toBe(true);
      for (const publisher of publishers) expect(drawn.has(edgeForEvent(queue({ queue: name, state: "added", service: publisher, stack: "monolith" }))!)).toBe(true);
    }
  });
});

describe("the monolith and both stacks on the graph", () => {
  it("draws the monolith as one box holding every module and its bus with the inboxes, and no microservice", () => {
    const nodes = graphNodes("monolith");
    const ids = nodes.map((node) => node.id);
    expect(ids).not.toContain("api-gateway");
    expect(ids).not.toContain("redis");
    expect(nodes.find((node) => node.id === MONOLITH_NODE)?.kind).toBe("monolith");
    for (const id of SHOP_SERVICE_IDS) {
      const module = nodes.find((node) => node.id === nodeIdIn("monolith", id))!;
      expect(module.kind).toBe("module");
      expect(module.parentId).toBe(MONOLITH_NODE);
      expect(module.ref).toBe(id);
    }
    for (const { queue: name } of queueTopology()) expect(nodes.find((node) => node.id === queueNodeId(name, "monolith"))?.parentId).toBe(BUS_NODE);
    // Parents come before their children.
    for (const node of nodes) if (node.parentId) expect(ids.indexOf(node.parentId)).toBeLessThan(ids.indexOf(node.id));
  });

  it("lays the modules out like the microservices, so the two compare hop for hop", () => {
    const micro = Object.fromEntries(graphNodes("microservices").map((node) => [node.id, node.position]));
    const mono = Object.fromEntries(graphNodes("monolith").map((node) => [node.ref, node.position]));
    const order = (places: Record<string, { x: number; y: number }>, axis: "x" | "y") =>
      [...SHOP_SERVICE_IDS].sort((a, b) => places[a][axis] - places[b][axis] || a.localeCompare(b)).join();
    expect(order(mono, "x")).toBe(order(micro, "x"));
    expect(order(mono, "y")).toBe(order(micro, "y"));
  });

  it("draws the in-process calls as their own kind of arrow, and keeps every id unique when both stacks show", () => {
    const monolithEdges = graphEdges("monolith");
    expect(monolithEdges.filter((edge) => edge.kind === "in-process")).toHaveLength(REST_DEPENDENCIES.length);
    expect(monolithEdges.find((edge) => edge.id === restEdgeId("client", "api-gateway", "monolith"))?.kind).toBe("rest");
    const nodes = allGraphNodes("both");
    const edges = [...graphEdges("both", "microservices"), ...graphEdges("both", "monolith")];
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
    expect(new Set(edges.map((edge) => edge.id)).size).toBe(edges.length);
    expect(edges).toHaveLength(graphEdges("microservices").length + monolithEdges.length);
    const ids = new Set(nodes.map((node) => node.id));
    for (const edge of edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  });

  it("draws one stack at a time when both run, the microservices unless the monolith is asked for", () => {
    const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id).sort();
    expect(ids(graphNodes("both"))).toEqual(ids(graphNodes("microservices")));
    expect(ids(graphNodes("both", "monolith"))).toEqual(ids(graphNodes("monolith")));
    expect(graphEdges("both", "monolith").map((edge) => edge.id)).toEqual(graphEdges("monolith").map((edge) => edge.id));
    // A selection may still point at either stack's boxes.
    expect(ids(allGraphNodes("both"))).toEqual([...ids(graphNodes("microservices")), ...ids(graphNodes("monolith"))].sort());
  });

  it("lays every stack out flat enough to be drawn at full size on a laptop: no two boxes overlap", () => {
    for (const architecture of ["microservices", "monolith"] as const) {
      const nodes = graphNodes(architecture);
      const at = (node: (typeof nodes)[number]): { x: number; y: number } => {
        const parent = node.parentId ? nodes.find((candidate) => candidate.id === node.parentId)! : null;
        const origin: { x: number; y: number } = parent ? at(parent) : { x: 0, y: 0 };
        return { x: origin.x + node.position.x, y: origin.y + node.position.y };
      };
      // The boxes that sit side by side (not containers): a service, module, queue or the shoppers, 180 wide.
      const boxes = nodes.filter((node) => ["service", "module", "queue", "client"].includes(node.kind)).map((node) => ({ id: node.id, ...at(node), width: 180 }));
      for (const a of boxes) {
        for (const b of boxes) {
          if (a.id >= b.id || Math.abs(a.y - b.y) > 60) continue;
          expect(a.x + a.width <= b.x || b.x + b.width <= a.x, `${a.id} and ${b.id}`).toBe(true);
        }
      }
      const right = Math.max(...boxes.map((box) => box.x + box.width));
      const bottom = Math.max(...nodes.map((node) => at(node).y + (node.size?.height ?? 0)));
      // What fits a 1280×800 laptop's graph at full scale (about 1,040 × 470 px with the shopper panel open).
      expect(right).toBeLessThanOrEqual(1_000);
      expect(bottom).toBeLessThanOrEqual(470);
    }
  });

  it("reads a node id back as its stack and part", () => {
    expect(parseNodeId("monolith/order-service")).toEqual({ stack: "monolith", ref: "order-service" });
    expect(parseNodeId("monolith")).toEqual({ stack: "monolith", ref: "monolith" });
    expect(parseNodeId("order-service")).toEqual({ stack: "microservices", ref: "order-service" });
  });

  it("lights the monolith's box and the modules a monolith call touched", () => {
    expect(nodesForEvent(http({ from: "client", to: "monolith", stack: "monolith" }))).toEqual(expect.arrayContaining(["monolith/client", "monolith/api-gateway", MONOLITH_NODE]));
    expect(nodesForEvent(http({ from: "order-service", to: "product-service", stack: "monolith", via: "in-process" }))).toEqual(
      expect.arrayContaining(["monolith/order-service", "monolith/product-service", MONOLITH_NODE]),
    );
  });
});
