// An action is said done only once the box it acted on shows it done.
import { describe, expect, it } from "vitest";
import { stillSettling } from "./action-outcome";

const instance = (status: "healthy" | "stopping" | "starting" | "stopped") => ({ instanceId: status, status, pid: 1, port: 1, version: 1, startedAt: 1 });

describe("stillSettling", () => {
  it("names what the box still shows under way", () => {
    expect(stillSettling({ instances: [instance("healthy"), instance("stopping")] })).toBe("stopping 1 of 2");
    expect(stillSettling({ instances: [instance("starting")] })).toBe("starting 1 of 1");
  });

  it("is null once every instance has settled", () => {
    expect(stillSettling({ instances: [instance("healthy"), instance("healthy")] })).toBeNull();
    expect(stillSettling({ instances: [instance("stopped")] })).toBeNull();
  });
});
