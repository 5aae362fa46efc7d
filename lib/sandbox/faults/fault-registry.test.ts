// The faults in force: adding, replacing, the limit, removing and clearing, each announced once to the processes;
// and which process a crash-on-start fault makes a bad release of.
import { describe, expect, it } from "vitest";
import type { Fault, FaultBody } from "../../contract/faults";
import { FaultRegistry, MAX_FAULTS } from "./fault-registry";
import { conflict } from "../refused";

function registry() {
  const announced: Fault[][] = [];
  return { faults: new FaultRegistry((faults) => announced.push([...faults])), announced };
}

/** Fills the registry with MAX_FAULTS different faults. */
function fill(faults: FaultRegistry): void {
  const services = ["api-gateway", "auth-service", "user-service", "order-service", "payment-service", "notification-service", "product-service"] as const;
  const types = ["latency", "slow-consumer", "cpu-hog"] as const;
  for (const type of types) for (const service of services) if (faults.list().length < MAX_FAULTS) faults.add({ service, type, ms: 5 });
  expect(faults.list()).toHaveLength(MAX_FAULTS);
}

describe("FaultRegistry", () => {
  it("adds a fault with an id and a time, lists it and announces the new list", () => {
    const { faults, announced } = registry();
    const fault = faults.add({ service: "product-service", type: "latency", ms: 300 });
    expect(fault).toMatchObject({ service: "product-service", type: "latency", ms: 300, id: expect.stringMatching(/^f-[0-9a-f]{8}$/), createdAt: expect.any(Number) });
    expect(faults.list()).toEqual([fault]);
    expect(announced).toEqual([[fault]]);
  });

  it("returns the fault already in force for an identical request, without stacking or announcing a second", () => {
    const { faults, announced } = registry();
    const first = faults.add({ service: "product-service", type: "errors", rate: 0.5 });
    expect(faults.add({ service: "product-service", type: "errors", rate: 0.5 })).toBe(first);
    expect(faults.list()).toHaveLength(1);
    expect(announced).toHaveLength(1);
  });

  it("replaces the same fault with a new value rather than adding a second", () => {
    const { faults, announced } = registry();
    const first = faults.add({ service: "product-service", type: "latency", ms: 100 });
    const second = faults.add({ service: "product-service", type: "latency", ms: 900 });
    expect(second.id).not.toBe(first.id);
    expect(faults.list()).toEqual([second]);
    expect(announced.at(-1)).toEqual([second]);
  });

  it("replaces an errors fault given a new rate", () => {
    const { faults } = registry();
    faults.add({ service: "product-service", type: "errors", rate: 0.5 });
    const second = faults.add({ service: "product-service", type: "errors", rate: 0.9 });
    expect(faults.list()).toEqual([second]);
  });

  it.each<[string, FaultBody]>([
    ["another service", { service: "order-service", type: "latency", ms: 100 }],
    ["another type", { service: "product-service", type: "slow-consumer", ms: 100 }],
    ["another stack", { service: "product-service", type: "latency", ms: 100, stack: "monolith" }],
  ])("keeps a fault on %s as a second fault", (_what, body) => {
    const { faults } = registry();
    faults.add({ service: "product-service", type: "latency", ms: 100 });
    faults.add(body);
    expect(faults.list()).toHaveLength(2);
  });

  it("keeps partitions with different peers apart", () => {
    const { faults } = registry();
    faults.add({ service: "api-gateway", type: "partition", peer: "product-service" });
    faults.add({ service: "api-gateway", type: "partition", peer: "auth-service" });
    expect(faults.list().map((fault) => fault.peer)).toEqual(["product-service", "auth-service"]);
  });

  it(`refuses a fault past ${MAX_FAULTS} with a sentence, and keeps the list as it was`, () => {
    const { faults, announced } = registry();
    fill(faults);
    const before = faults.list();
    expect(() => faults.add({ service: "order-service", type: "errors", rate: 0.1 })).toThrow(conflict(`at most ${MAX_FAULTS} faults can be in force: clear some first`));
    expect(faults.list()).toBe(before);
    expect(announced).toHaveLength(MAX_FAULTS);
  });

  it("replaces a fault's value even when the list is full", () => {
    const { faults } = registry();
    fill(faults);
    const replaced = faults.add({ service: "api-gateway", type: "latency", ms: 50 });
    expect(faults.list()).toHaveLength(MAX_FAULTS);
    expect(faults.list()).toContain(replaced);
  });

  it("removes one fault by id, saying whether there was one, and announces only a real change", () => {
    const { faults, announced } = registry();
    const keep = faults.add({ service: "product-service", type: "latency", ms: 100 });
    const drop = faults.add({ service: "order-service", type: "latency", ms: 100 });
    expect(faults.remove("f-nothere")).toBe(false);
    expect(announced).toHaveLength(2);
    expect(faults.remove(drop.id)).toBe(true);
    expect(faults.list()).toEqual([keep]);
    expect(announced.at(-1)).toEqual([keep]);
  });

  it("clears every fault and announces an empty list, once", () => {
    const { faults, announced } = registry();
    faults.clear();
    expect(announced).toEqual([]);
    faults.add({ service: "product-service", type: "latency", ms: 100 });
    faults.clear();
    expect(faults.list()).toEqual([]);
    expect(announced.at(-1)).toEqual([]);
    expect(announced).toHaveLength(2);
  });
});

describe("crashesOnStart", () => {
  it("makes a bad release of the faulted microservice only", () => {
    const { faults } = registry();
    faults.add({ service: "product-service", type: "crash-on-start" });
    expect(faults.crashesOnStart("microservices", "product-service")).toBe(true);
    expect(faults.crashesOnStart("microservices", "order-service")).toBe(false);
  });

  it("takes the whole monolith down when any of its modules is a bad release", () => {
    const { faults } = registry();
    faults.add({ service: "product-service", type: "crash-on-start" });
    expect(faults.crashesOnStart("monolith", "monolith")).toBe(true);
  });

  it("does not crash the monolith id on the microservices stack", () => {
    const { faults } = registry();
    faults.add({ service: "product-service", type: "crash-on-start" });
    expect(faults.crashesOnStart("microservices", "monolith")).toBe(false);
  });

  it("respects the stack a fault is limited to", () => {
    const { faults } = registry();
    faults.add({ service: "product-service", type: "crash-on-start", stack: "monolith" });
    expect(faults.crashesOnStart("microservices", "product-service")).toBe(false);
    expect(faults.crashesOnStart("monolith", "monolith")).toBe(true);
    const other = registry().faults;
    other.add({ service: "product-service", type: "crash-on-start", stack: "microservices" });
    expect(other.crashesOnStart("microservices", "product-service")).toBe(true);
    expect(other.crashesOnStart("monolith", "monolith")).toBe(false);
  });

  it("needs only one crash-on-start fault among others", () => {
    const { faults } = registry();
    faults.add({ service: "order-service", type: "latency", ms: 100 });
    faults.add({ service: "product-service", type: "crash-on-start" });
    expect(faults.crashesOnStart("microservices", "product-service")).toBe(true);
  });

  it("is not set off by other fault types", () => {
    const { faults } = registry();
    faults.add({ service: "product-service", type: "latency", ms: 100 });
    expect(faults.crashesOnStart("microservices", "product-service")).toBe(false);
    expect(faults.crashesOnStart("monolith", "monolith")).toBe(false);
  });

  it("hides a fault from the list while the processes get it, marked; counts no incident for it; reveals it on request", () => {
    const announced: Fault[][] = [];
    const incidents: Fault[] = [];
    const faults = new FaultRegistry((list) => announced.push([...list]), (fault) => incidents.push(fault));
    const shown = faults.add({ service: "order-service", type: "latency", ms: 50 });
    const culprit = faults.add({ service: "product-service", type: "errors", rate: 1 }, { hidden: true });
    expect(faults.list()).toEqual([shown]);
    expect(faults.inForce()).toEqual([shown, { ...culprit, hidden: true }]);
    expect(announced.at(-1)).toEqual([shown, { ...culprit, hidden: true }]);
    expect(incidents).toEqual([shown]);
    expect(faults.hiddenMatching({ service: "product-service", type: "errors" })).toEqual(culprit);
    expect(faults.hiddenMatching({ service: "order-service", type: "latency" })).toBeUndefined();
    faults.reveal(culprit.id);
    expect(faults.list()).toEqual([shown, culprit]);
    expect(announced.at(-1)).toEqual([shown, culprit]);
    expect(faults.hiddenMatching({ service: "product-service", type: "errors" })).toBeUndefined();
  });
});
