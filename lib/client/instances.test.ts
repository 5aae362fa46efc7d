// A scaled box's instances: scaling up and down read as progress, with a placeholder per instance not yet started.
import { describe, expect, it } from "vitest";
import type { InstanceView } from "../contract/control";
import { instanceSlots, scalingProgress } from "./instances";

const instance = (instanceId: string, status: InstanceView["status"], pid: number | null): InstanceView => ({ instanceId, status, pid, port: pid, version: 1, startedAt: 0 });

describe("a scaled box's instances", () => {
  it("reads a scale-up as progress towards what was asked, not as a wrong count", () => {
    // The moment after "scale to 3": one instance runs, the other two are not even listed yet.
    expect(scalingProgress({ replicas: 3, status: "healthy", instances: [instance("a", "healthy", 11)] })).toBe("starting 2 of 3");
    expect(scalingProgress({ replicas: 3, status: "healthy", instances: [instance("a", "healthy", 11), instance("b", "healthy", 12), instance("c", "starting", null)] })).toBe(
      "starting 1 of 3",
    );
    expect(scalingProgress({ replicas: 3, status: "healthy", instances: ["a", "b", "c"].map((id, index) => instance(id, "healthy", index)) })).toBeNull();
  });

  it("reads a scale-down as instances stopping, and says nothing for a single healthy or a stopped process", () => {
    expect(scalingProgress({ replicas: 1, status: "healthy", instances: [instance("a", "healthy", 1), instance("b", "stopping", 2), instance("c", "stopping", 3)] })).toBe(
      "stopping 2 of 3",
    );
    expect(scalingProgress({ replicas: 1, status: "healthy", instances: [instance("a", "healthy", 1)] })).toBeNull();
    expect(scalingProgress({ replicas: 3, status: "stopped", instances: [] })).toBeNull();
  });

  it("lists a placeholder for each instance asked for but not yet started", () => {
    const slots = instanceSlots({ replicas: 3, instances: [instance("a", "healthy", 11)] });
    expect(slots.map((slot) => [slot.status, slot.pid])).toEqual([
      ["healthy", 11],
      ["starting", null],
      ["starting", null],
    ]);
  });
});
