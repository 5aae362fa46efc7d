// Which handler answers a method and path, and what it receives as params.
import { describe, expect, it } from "vitest";
import { compileRoutes, type Handler } from "./router";

const reply = (name: string): Handler => () => ({ status: 200, body: name });

const match = compileRoutes({
  "GET /products": reply("list products"),
  "GET /products/:id": reply("one product"),
  "POST /orders": reply("place order"),
  "GET /users/:userId/orders/:orderId": reply("one order of a user"),
});

const handlerName = (method: string, path: string) => {
  const found = match(method, path);
  return found && found.handler({ method, path, params: found.params, query: new URLSearchParams(), headers: {}, body: undefined });
};

describe("compileRoutes", () => {
  it("finds the route for a plain path", () => {
    expect(handlerName("GET", "/products")).toEqual({ status: 200, body: "list products" });
    expect(match("GET", "/products")?.params).toEqual({});
  });

  it("turns :name segments into params", () => {
    expect(match("GET", "/products/p-mouse")?.params).toEqual({ id: "p-mouse" });
    expect(match("GET", "/users/u-1/orders/o-2")?.params).toEqual({ userId: "u-1", orderId: "o-2" });
    expect(handlerName("GET", "/users/u-1/orders/o-2")).toEqual({ status: 200, body: "one order of a user" });
  });

  it("URL-decodes params", () => {
    expect(match("GET", "/products/a%20b%2Fc")?.params).toEqual({ id: "a b/c" });
  });

  it("finds nothing when the method differs", () => {
    expect(match("POST", "/products")).toBeUndefined();
    expect(match("GET", "/orders")).toBeUndefined();
  });

  it("finds nothing when the path has more or fewer segments", () => {
    expect(match("GET", "/products/p-mouse/extra")).toBeUndefined();
    expect(match("GET", "/users/u-1/orders")).toBeUndefined();
    expect(match("GET", "/")).toBeUndefined();
  });

  it("finds nothing when a literal segment differs", () => {
    expect(match("GET", "/users/u-1/payments/o-2")).toBeUndefined();
  });

  it("ignores a trailing slash", () => {
    expect(handlerName("GET", "/products/")).toEqual({ status: 200, body: "list products" });
  });
});

describe("a malformed escape in a path", () => {
  it("is a 400 that says what is wrong, not a crash", () => {
    const match = compileRoutes({ "GET /products/:id": () => ({ status: 200, body: {} }) });
    expect(() => match("GET", "/products/%E0")).toThrow(expect.objectContaining({ status: 400 }));
  });
});
