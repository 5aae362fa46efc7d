// A challenge's checks, each both ways: a culprit named only by a right guess, cleared only once no longer in force,
// every service replaced only when none still runs a process it ran when the step opened.
import { describe, expect, it } from "vitest";
import type { Fault } from "../contract/faults";
import { evaluate } from "./predicates";
import { T0, input, service, state } from "./testing/check-fixtures";

const culprit = { service: "product-service", type: "latency" };
const inForce: Fault = { id: "f-1", service: "product-service", type: "latency", ms: 600, createdAt: T0 };

describe("culpritNamed", () => {
  it("passes once the culprit is named, with the wrong guesses counted; not before", () => {
    expect(evaluate({ is: "culpritNamed" }, input({ challenge: { culprit, named: false, guesses: 2 } }))).toMatchObject({ met: false, missing: "2 guesses so far, none right" });
    expect(evaluate({ is: "culpritNamed" }, input({ challenge: { culprit, named: true, guesses: 2 } }))).toMatchObject({ met: true, figures: { culprit: "latency on product-service", wrongGuesses: 2 } });
    expect(evaluate({ is: "culpritNamed" }, input()).missing).toBe("this run hid no culprit");
  });
});

describe("culpritCleared", () => {
  it("passes once the named culprit's fault is no longer in force, and asks for the name first", () => {
    const named = { culprit, named: true, guesses: 0 };
    expect(evaluate({ is: "culpritCleared" }, input({ challenge: named, state: state([], { faults: [inForce] }) }))).toMatchObject({ met: false, missing: "the latency fault on product-service is still in force" });
    expect(evaluate({ is: "culpritCleared" }, input({ challenge: named, state: state([], { faults: [] }) })).met).toBe(true);
    expect(evaluate({ is: "culpritCleared" }, input({ challenge: { ...named, named: false }, state: state([], { faults: [] }) })).missing).toBe("name it first");
  });
});

describe("everyServiceReplaced", () => {
  const spec = { is: "everyServiceReplaced", stack: "microservices" } as const;
  const opening = { at: T0, pids: { "product-service": [100], "order-service": [100] }, memoryBytes: {} };
  const withPid = (id: string, pid: number) => ({ ...service(id), instances: [{ ...service(id).instances[0], pid }] });
  it("passes when no service runs a process it ran at the start, each healthy", () => {
    expect(evaluate(spec, input({ opening, state: state([withPid("product-service", 201), withPid("order-service", 202), service("redis")]) }))).toMatchObject({ met: true, figures: { replaced: 2, of: 2 } });
  });
  it("names what is still to go", () => {
    expect(evaluate(spec, input({ opening, state: state([withPid("product-service", 201), withPid("order-service", 100)]) })).missing).toBe("1 of 2 replaced; still to go: order-service");
  });
});
