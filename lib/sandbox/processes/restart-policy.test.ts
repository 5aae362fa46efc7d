// Restart backoff under the on-failure policy: pauses double per crash in a row up to a ceiling, and a service that
// stayed up long enough starts counting again from the first pause.
import { describe, expect, it } from "vitest";
import { FIRST_RESTART_DELAY_MS, MAX_RESTART_DELAY_MS, STABLE_AFTER_MS, nextCrashStreak, restartDelayMs } from "./restart-policy";

describe("restartDelayMs", () => {
  it("waits the first pause after the first crash, and doubles it for each crash in a row", () => {
    expect(restartDelayMs(1)).toBe(FIRST_RESTART_DELAY_MS);
    expect(restartDelayMs(2)).toBe(FIRST_RESTART_DELAY_MS * 2);
    expect(restartDelayMs(3)).toBe(FIRST_RESTART_DELAY_MS * 4);
    expect([1, 2, 3, 4, 5].map(restartDelayMs)).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
  });

  it("never waits longer than the ceiling, however many crashes in a row", () => {
    expect(restartDelayMs(6)).toBe(MAX_RESTART_DELAY_MS);
    expect(restartDelayMs(50)).toBe(MAX_RESTART_DELAY_MS);
    expect(MAX_RESTART_DELAY_MS).toBe(15_000);
  });

  it("treats a streak of zero (or less) as the first crash", () => {
    expect(restartDelayMs(0)).toBe(FIRST_RESTART_DELAY_MS);
    expect(restartDelayMs(-3)).toBe(FIRST_RESTART_DELAY_MS);
  });
});

describe("nextCrashStreak", () => {
  it("adds one to the streak when the instance crashed before it had been up long enough", () => {
    expect(nextCrashStreak(0, 0)).toBe(1);
    expect(nextCrashStreak(3, STABLE_AFTER_MS - 1)).toBe(4);
  });

  it("starts again at one once the instance had stayed up for the stable time", () => {
    expect(nextCrashStreak(7, STABLE_AFTER_MS)).toBe(1);
    expect(nextCrashStreak(7, STABLE_AFTER_MS * 10)).toBe(1);
  });
});
