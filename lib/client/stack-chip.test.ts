// The stack chip says what shoppers get at the moment shown: throughput answered, or that its entry process is dead.
import { describe, expect, it } from "vitest";
import { shopperChip } from "./stack-chip";

const figures = { rps: 50, answeredRps: 40, p50: 4, p95: 9, errorRate: 0.2, calls: 500 };

describe("shopperChip", () => {
  it("gives the calls answered without failing as throughput, with p95 and errors", () => {
    expect(shopperChip("monolith", [{ id: "monolith", stack: "monolith", status: "healthy" }], figures)).toBe("shoppers 40/s answered · p95 9.0 ms · 20% err");
  });

  it("says a stack whose entry process is dead is down, whatever its last seconds of calls were", () => {
    expect(shopperChip("monolith", [{ id: "monolith", stack: "monolith", status: "stopped" }], figures)).toBe("shoppers: monolith down, nothing answers");
    expect(shopperChip("microservices", [{ id: "api-gateway", stack: "microservices", status: "crashed" }], figures)).toBe("shoppers: api-gateway down, nothing answers");
  });

  it("says nothing of a live stack without calls", () => {
    expect(shopperChip("monolith", [{ id: "monolith", stack: "monolith", status: "healthy" }], undefined)).toBeNull();
  });
});
