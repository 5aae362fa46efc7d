// The supervisor's messages read without zod: what the contract's schema accepts comes through as it was sent, and a
// message of another shape is ignored.
import { describe, expect, it } from "vitest";
import { ParentMessageSchema, type ParentMessage } from "../../../lib/contract/ipc";
import { DEFAULT_RESILIENCE } from "../../../lib/contract/resilience-default";
import { readParentMessage } from "./parent-message";

const sent: ParentMessage[] = [
  { type: "registry", registry: { "product-service": ["http://127.0.0.1:40001", "http://127.0.0.1:40002"], "user-service": [] } },
  { type: "registry", registry: {} },
  { type: "faults", faults: [] },
  { type: "faults", faults: [{ id: "f-1", createdAt: 1, service: "payment-service", type: "latency", ms: 300 }, { id: "f-2", createdAt: 2, service: "order-service", type: "partition", peer: "product-service", stack: "microservices" }] },
  { type: "resilience", resilience: DEFAULT_RESILIENCE },
  { type: "resilience", resilience: { timeouts: false, timeoutMs: 50, retries: 5, circuitBreaker: true, readinessChecks: true } },
];

describe("readParentMessage", () => {
  it.each(sent.map((message) => [message.type, message] as const))("reads a %s message the schema accepts, unchanged", (_, message) => {
    expect(ParentMessageSchema.safeParse(message).success).toBe(true);
    expect(readParentMessage(structuredClone(message))).toEqual(message);
  });

  it("ignores what is not one of its messages", () => {
    for (const raw of [undefined, null, "registry", [], {}, { type: "exit" }, { type: "registry", registry: [] }, { type: "registry", registry: { a: "http://x" } }, { type: "registry", registry: { a: [1] } }, { type: "faults", faults: {} }, { type: "faults", faults: [{ id: "f-1" }] }, { type: "resilience", resilience: { ...DEFAULT_RESILIENCE, retries: "2" } }, { type: "resilience", resilience: { ...DEFAULT_RESILIENCE, timeoutMs: 1.5 } }, { type: "resilience", resilience: { ...DEFAULT_RESILIENCE, readinessChecks: "yes" } }, { type: "resilience" }]) {
      expect(readParentMessage(raw), JSON.stringify(raw)).toBeUndefined();
      expect(ParentMessageSchema.safeParse(raw).success, JSON.stringify(raw)).toBe(false);
    }
  });
});
