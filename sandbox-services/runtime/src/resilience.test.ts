// The resilience settings a process holds: the supervisor's latest, announced to whoever listens, and the pauses
// between retries, which double from 50 ms.
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_RESILIENCE } from "../../../lib/contract/resilience-default";
import type { Resilience } from "../../../lib/contract/resilience";
import { onResilienceChange, resilience, retryDelayMs, setResilience } from "./resilience";

afterEach(() => setResilience(DEFAULT_RESILIENCE));

describe("resilience settings", () => {
  it("start as the defaults, then are whatever the supervisor last set, told to every listener", () => {
    expect(resilience()).toEqual(DEFAULT_RESILIENCE);
    const heard: Resilience[] = [];
    onResilienceChange((next) => heard.push(next));
    onResilienceChange((next) => heard.push({ ...next, retries: -1 }));
    const next = { timeouts: false, timeoutMs: 500, retries: 2, circuitBreaker: true, readinessChecks: false };
    setResilience(next);
    expect(resilience()).toBe(next);
    expect(heard).toEqual([next, { ...next, retries: -1 }]);
  });
});

describe("retryDelayMs", () => {
  it("waits 50 ms before the first retry and doubles for each one after", () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([50, 100, 200]);
  });
});
