// Scaling says what the instances share from the service's real place in the shop: a queue consumer is no callee.
import { describe, expect, it } from "vitest";
import { scaleHint } from "./scale-hint";

describe("scaleHint", () => {
  it("says payment-service's instances compete for its queue's jobs, and names no gateway", () => {
    expect(scaleHint("payment-service")).toBe("they compete for the jobs in payment-inbox: each job is taken by one of them");
  });

  it("names the callers of a service called over REST, and its queue when it also consumes one", () => {
    expect(scaleHint("product-service")).toBe("api-gateway and order-service share their calls between them; they compete for the jobs in product-inbox: each job is taken by one of them");
    expect(scaleHint("auth-service")).toBe("api-gateway shares its calls between them");
  });

  it("keeps the monolith's and the gateway's own words", () => {
    expect(scaleHint("monolith")).toBe("each instance is a whole copy of the shop");
    expect(scaleHint("api-gateway")).toBe("shoppers' requests are shared between them");
  });
});
