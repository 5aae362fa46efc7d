// How faults read on the graph's boxes and arrows, and which box or arrow each one belongs to.
import { describe, expect, it } from "vitest";
import type { Fault } from "../contract/faults";
import { deployBadgeText, faultBadgeText, faultsOn, partitionedEdges } from "./fault-badges";
import { restEdgeId } from "./topology";

const fault = (fields: Partial<Fault> & Pick<Fault, "service" | "type">): Fault => ({ id: `f-${fields.type}`, createdAt: 0, ...fields });

describe("faultBadgeText", () => {
  it("says each fault's type and value in a few words", () => {
    expect(faultBadgeText({ type: "latency", ms: 400 })).toBe("⚡ latency +400 ms");
    expect(faultBadgeText({ type: "errors", rate: 0.5 })).toBe("✕ errors 50%");
    expect(faultBadgeText({ type: "partition", peer: "product-service" })).toBe("✂ partition ↔ product-service");
    expect(faultBadgeText({ type: "slow-consumer", ms: 800 })).toBe("◔ slow consumer +800 ms/job");
    expect(faultBadgeText({ type: "cpu-hog", ms: 50 })).toBe("♨ cpu-hog 50 ms/request");
    expect(faultBadgeText({ type: "crash-on-start" })).toBe("⚠ bad release");
  });
});

describe("faultsOn", () => {
  const faults = [
    fault({ id: "both", service: "order-service", type: "latency", ms: 100 }),
    fault({ id: "micro", service: "order-service", type: "errors", rate: 0.2, stack: "microservices" }),
    fault({ id: "mono", service: "order-service", type: "cpu-hog", ms: 20, stack: "monolith" }),
    fault({ id: "cut", service: "order-service", type: "partition", peer: "product-service" }),
    fault({ id: "other", service: "user-service", type: "latency", ms: 5 }),
  ];

  it("shows a fault on its service in the stacks it applies to", () => {
    expect(faultsOn(faults, "microservices", "order-service").map((f) => f.id)).toEqual(["both", "micro", "cut"]);
    expect(faultsOn(faults, "microservices", "user-service").map((f) => f.id)).toEqual(["other"]);
  });

  it("leaves a partition off the monolith's modules, where no network separates them", () => {
    expect(faultsOn(faults, "monolith", "order-service").map((f) => f.id)).toEqual(["both", "mono"]);
  });

  it("cuts both directions of the partitioned pair's arrows, and only in the microservices", () => {
    const edges = partitionedEdges(faults, restEdgeId);
    expect([...edges].sort()).toEqual(["rest:order-service->product-service", "rest:product-service->order-service"]);
    expect(partitionedEdges([fault({ service: "order-service", type: "partition", peer: "product-service", stack: "monolith" })], restEdgeId).size).toBe(0);
  });
});

describe("deployBadgeText", () => {
  it("shows a deploy only when it did not go as asked", () => {
    expect(deployBadgeText(null)).toBeNull();
    expect(deployBadgeText({ version: 3, outcome: "succeeded" })).toBeNull();
    expect(deployBadgeText({ version: 3, outcome: "rolled-back" })).toBe("↩ v3 rolled back");
    expect(deployBadgeText({ version: 4, outcome: "failed" })).toBe("✕ v4 failed");
  });
});
