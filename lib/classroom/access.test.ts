// Who may do what in classroom mode, as a table.
import { describe, expect, it } from "vitest";
import { accessRefusal } from "./access";

const presenter = { role: "presenter" as const, viewerId: null };
const viewer = { role: "audience" as const, viewerId: "v1" };

describe("classroom access", () => {
  it("refuses everything but the page's static files to a visitor without a role", () => {
    expect(accessRefusal("GET", "/api/sandbox", undefined, false)?.status).toBe(403);
    expect(accessRefusal("GET", "/", undefined, false)?.status).toBe(403);
    expect(accessRefusal("GET", "/_next/static/chunks/app.js", undefined, false)).toBeUndefined();
  });

  it("lets the audience read and vote but never act, and shop only when allowed", () => {
    expect(accessRefusal("GET", "/api/metrics", viewer, false)).toBeUndefined();
    expect(accessRefusal("POST", "/api/classroom/vote", viewer, false)).toBeUndefined();
    expect(accessRefusal("POST", "/api/services/payment-service/kill", viewer, true)?.status).toBe(403);
    expect(accessRefusal("DELETE", "/api/faults", viewer, true)?.status).toBe(403);
    expect(accessRefusal("POST", "/storefront/microservices/api/orders", viewer, false)?.error).toMatch(/not let the class shop/);
    expect(accessRefusal("POST", "/storefront/microservices/api/orders", viewer, true)).toBeUndefined();
  });

  it("lets the presenter do anything", () => {
    expect(accessRefusal("POST", "/api/sandbox/reset", presenter, false)).toBeUndefined();
    expect(accessRefusal("POST", "/storefront/monolith/api/orders", presenter, false)).toBeUndefined();
  });
});
