// A moment rebuilt from a recording: its stacks' statuses follow the services' moves since the snapshot.
import { describe, expect, it } from "vitest";
import type { NumberedEvent } from "../contract/events";
import { service, state, T0 } from "../lessons/testing/check-fixtures";
import { stateAt } from "./state-at";

const kill = (seq: number, ts: number, from: "healthy" | "stopping", to: "stopping" | "stopped"): NumberedEvent =>
  ({ type: "lifecycle", seq, ts, stack: "monolith", service: "monolith", instanceId: "monolith-1", from, to, pid: 100, version: 1, reason: "killed by the user" }) as NumberedEvent;

describe("stateAt", () => {
  it("says a stack is stopped once its one process was killed after the snapshot, not running as the snapshot had it", () => {
    const running = state([service("monolith", "healthy", 1, "monolith")], { architecture: "monolith", stacks: [{ id: "monolith", storefrontUrl: "http://127.0.0.1:4000", status: "running" }] });
    const snapshots = [{ kind: "snapshot" as const, at: T0, seq: 0, state: running }];
    const events = [kill(1, T0 + 1_000, "healthy", "stopping"), kill(2, T0 + 1_010, "stopping", "stopped")];
    expect(stateAt(snapshots, events, T0 + 500)!.stacks[0].status).toBe("running");
    const after = stateAt(snapshots, events, T0 + 2_000)!;
    expect(after.services[0].status).toBe("stopped");
    expect(after.stacks[0].status).toBe("stopped");
  });
});
