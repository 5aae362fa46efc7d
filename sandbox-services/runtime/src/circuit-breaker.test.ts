// The circuit breaker: closed until enough failures in a row, then open (calls refused at once), then one trial.
import { describe, expect, it } from "vitest";
import { CircuitBreaker, FAILURES_TO_OPEN, OPEN_FOR_MS } from "./circuit-breaker";

function breaker() {
  const changes: string[] = [];
  return { circuit: new CircuitBreaker((state, reason) => changes.push(`${state}: ${reason}`)), changes };
}

describe("CircuitBreaker", () => {
  it("stays closed through fewer failures in a row than the threshold, and a success resets the count", () => {
    const { circuit, changes } = breaker();
    for (let i = 0; i < FAILURES_TO_OPEN - 1; i++) circuit.failed(0);
    circuit.succeeded();
    for (let i = 0; i < FAILURES_TO_OPEN - 1; i++) circuit.failed(0);
    expect(circuit.state).toBe("closed");
    expect(circuit.allow(0)).toBe(true);
    expect(changes).toEqual([]);
  });

  it("opens after enough failures in a row and then refuses calls until it has rested", () => {
    const { circuit, changes } = breaker();
    for (let i = 0; i < FAILURES_TO_OPEN; i++) circuit.failed(1_000);
    expect(circuit.state).toBe("open");
    expect(changes).toEqual([`open: ${FAILURES_TO_OPEN} calls failed in a row`]);
    expect(circuit.allow(1_000 + OPEN_FOR_MS - 1)).toBe(false);
  });

  it("lets exactly one trial through once rested; its success closes the circuit, its failure reopens it", () => {
    const { circuit } = breaker();
    for (let i = 0; i < FAILURES_TO_OPEN; i++) circuit.failed(0);
    expect(circuit.allow(OPEN_FOR_MS)).toBe(true);
    expect(circuit.state).toBe("half-open");
    expect(circuit.allow(OPEN_FOR_MS)).toBe(false); // only one trial at a time
    circuit.failed(OPEN_FOR_MS);
    expect(circuit.state).toBe("open");
    expect(circuit.allow(2 * OPEN_FOR_MS)).toBe(true);
    circuit.succeeded();
    expect(circuit.state).toBe("closed");
  });

  it("closes with no history when the pattern is switched off", () => {
    const { circuit } = breaker();
    for (let i = 0; i < FAILURES_TO_OPEN; i++) circuit.failed(0);
    circuit.reset();
    expect(circuit.state).toBe("closed");
    expect(circuit.allow(0)).toBe(true);
  });

  it("says why each change happened, once per change", () => {
    const { circuit, changes } = breaker();
    for (let i = 0; i < FAILURES_TO_OPEN; i++) circuit.failed(0);
    // A call that was already under way when it opened fails too: the circuit is open already, nothing changes.
    circuit.failed(10);
    circuit.allow(OPEN_FOR_MS);
    // Long after, with the trial still out, it stays half-open rather than announcing it again.
    expect(circuit.allow(10 * OPEN_FOR_MS)).toBe(false);
    circuit.failed(10 * OPEN_FOR_MS);
    circuit.allow(11 * OPEN_FOR_MS);
    circuit.succeeded();
    expect(changes).toEqual([
      `open: ${FAILURES_TO_OPEN} calls failed in a row`,
      "half-open: trying one call after the pause",
      "open: the trial call failed",
      "half-open: trying one call after the pause",
      "closed: a call succeeded",
    ]);
  });

  it("announces a switch-off only when it closes an open circuit", () => {
    const { circuit, changes } = breaker();
    circuit.reset();
    expect(changes).toEqual([]);
    for (let i = 0; i < FAILURES_TO_OPEN; i++) circuit.failed(0);
    circuit.reset();
    expect(changes).toEqual([`open: ${FAILURES_TO_OPEN} calls failed in a row`, "closed: the circuit breaker was switched off"]);
  });
});
