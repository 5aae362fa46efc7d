// The bench's telemetry drive: off without a valid spec, and a burst's schedule sends exactly rate × seconds events.
import { describe, expect, it } from "vitest";
import { eventsDue, parseDriveSpec } from "./telemetry-drive";

describe("parseDriveSpec", () => {
  it("reads events per second and seconds", () => {
    expect(parseDriveSpec("5000:10")).toEqual({ perSecond: 5000, seconds: 10 });
  });

  it("is off when the variable is absent, malformed or out of bounds", () => {
    for (const spec of [undefined, "", "5000", "5000:10:1", "-1:10", "0:10", "5000:0", "50001:10", "5000:61", "5e3:10", "5000; rm -rf /:1"]) {
      expect(parseDriveSpec(spec), String(spec)).toBeUndefined();
    }
  });
});

describe("eventsDue", () => {
  it("follows the clock, catches up after a late tick and stops at rate × seconds", () => {
    expect(eventsDue(0, 5000, 10)).toBe(0);
    expect(eventsDue(10, 5000, 10)).toBe(50);
    expect(eventsDue(1_234, 5000, 10)).toBe(6_170);
    expect(eventsDue(10_000, 5000, 10)).toBe(50_000);
    expect(eventsDue(60_000, 5000, 10)).toBe(50_000);
  });
});
