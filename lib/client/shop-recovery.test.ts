// The shop panel asks again once its stack is healthy: which states count as healthy, and what counts as an outage shown.
import { describe, expect, it } from "vitest";
import type { SandboxState } from "../contract/control";
import { catalogueUp, showsOutage, stackHealthy } from "./shop-recovery";

const sandbox = (statuses: Array<[string, "microservices" | "monolith", string]>) =>
  ({ services: statuses.map(([id, stack, status]) => ({ id, stack, status })) }) as unknown as SandboxState;

describe("stackHealthy", () => {
  it("is true only when every process of that stack is healthy", () => {
    const state = sandbox([
      ["api-gateway", "microservices", "healthy"],
      ["product-service", "microservices", "stopped"],
      ["monolith", "monolith", "healthy"],
    ]);
    expect(stackHealthy(state, "microservices")).toBe(false);
    expect(stackHealthy(state, "monolith")).toBe(true);
    expect(stackHealthy(sandbox([["api-gateway", "microservices", "healthy"]]), "monolith")).toBe(false);
    expect(stackHealthy(null, "microservices")).toBe(false);
  });
});

describe("showsOutage", () => {
  it("is an error message or a catalogue not loaded, not a success message", () => {
    expect(showsOutage({ products: null, message: null })).toBe(true);
    expect(showsOutage({ products: [], message: { kind: "error" } })).toBe(true);
    expect(showsOutage({ products: [], message: { kind: "ok" } })).toBe(false);
  });
});

describe("catalogueUp", () => {
  const state = (statuses: Record<string, string>) => ({ services: Object.entries(statuses).map(([id, status]) => ({ id, stack: "microservices", status })) }) as never;
  it("holds while the gateway and product-service answer, even with payment-service down, and not without either", () => {
    expect(catalogueUp(state({ "api-gateway": "healthy", "product-service": "healthy", "payment-service": "stopped" }), "microservices")).toBe(true);
    expect(catalogueUp(state({ "api-gateway": "healthy", "product-service": "starting" }), "microservices")).toBe(false);
    expect(catalogueUp(state({ "product-service": "healthy" }), "microservices")).toBe(false);
    expect(catalogueUp(null, "monolith")).toBe(false);
  });
});
