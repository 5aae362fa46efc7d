// Each service's latest log lines and status changes, for its inspector.
import { describe, expect, it } from "vitest";
import type { NumberedEvent } from "../../contract/events";
import { MAX_LOG_LINES, appendLogs } from "./service-logs-store";
import { http } from "../testing/test-events";

const log = (seq: number, service = "order-service"): NumberedEvent => ({ type: "log", ts: seq, stack: "microservices", service, instanceId: `${service}-1`, level: "info", line: `line ${seq}`, seq });

describe("appendLogs", () => {
  it("files log lines and lifecycle changes under their service, and ignores calls", () => {
    const lifecycle: NumberedEvent = { type: "lifecycle", ts: 5, stack: "microservices", service: "order-service", instanceId: "order-service-2", from: "healthy", to: "crashed", pid: 9, version: 2, reason: "exited with code 1", seq: 5 };
    const logs = appendLogs({}, [log(1), log(2, "payment-service"), lifecycle, http({ from: "a", to: "b" })]);
    expect(logs["order-service"].map((line) => line.text)).toEqual(["line 1", "v2 healthy → crashed: exited with code 1"]);
    expect(logs["order-service"][1].level).toBe("error");
    expect(logs["payment-service"]).toHaveLength(1);
  });

  it("keeps the newest MAX_LOG_LINES per service, and leaves other services' lists as they were", () => {
    const before = appendLogs({}, [log(0, "payment-service")]);
    const after = appendLogs(before, Array.from({ length: MAX_LOG_LINES + 10 }, (_, i) => log(i + 1)));
    expect(after["order-service"]).toHaveLength(MAX_LOG_LINES);
    expect(after["order-service"][0].text).toBe("line 11");
    expect(after["payment-service"]).toBe(before["payment-service"]);
    expect(appendLogs(after, [http({ from: "a", to: "b" })])).toBe(after);
  });
});
