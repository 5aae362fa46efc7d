// The inspector's two probes: liveness and readiness told apart, and readiness said not asked while the switch is off.
import { describe, expect, it } from "vitest";
import { NOT_READY_REASON } from "../contract/lifecycle";
import { probeWords } from "./probe-words";

describe("probeWords", () => {
  it("says a live process that fails its readiness check is alive and not ready", () => {
    expect(probeWords("unhealthy", `${NOT_READY_REASON}: its readiness check failed 2 times in a row`, true)).toEqual({ liveness: "answers GET /health", readiness: "GET /ready fails: it gets no calls" });
  });
  it("says readiness is not asked while the checks are off, however the process serves", () => {
    expect(probeWords("healthy", "answering its health check", false)).toEqual({ liveness: "answers GET /health", readiness: "not asked: readiness checks are off" });
  });
  it("tells a process that stopped answering from one that is not ready, and says nothing of one not running", () => {
    expect(probeWords("unhealthy", "no answer to 2 health checks in a row", true)).toEqual({ liveness: "no answer to GET /health", readiness: "not asked while it does not answer" });
    expect(probeWords("healthy", "ready: its readiness check passes", true)?.readiness).toBe("GET /ready passes");
    expect(probeWords("stopped", "killed by the user", true)).toBeNull();
  });
});
