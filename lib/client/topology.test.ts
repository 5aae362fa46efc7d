// The graph's boxes and arrows: every part of the shop is drawn, and every event finds the arrow it travels.
import { describe, expect, it } from "vitest";
import { REST_DEPENDENCIES, SHOP_SERVICE_IDS, queueTopology } from "../contract/services";
import { consumeEdgeId, edgeForEvent, graphEdges, graphNodes, publishEdgeId, queueNodeId, restEdgeId } from "./topology";
import { http, queue } from "./test-events";

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
    expect(at["client"].y).toBeLessThan(at["api-gateway"].y);
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

  it("draws nothing for the monolith's in-process calls, which have no arrow on this graph", () => {
    expect(edgeForEvent(http({ from: "api-gateway", to: "order-service", stack: "monolith" }))).toBeNull();
  });
});
