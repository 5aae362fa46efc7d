// How a request body that breaks its contract is answered: a 400 whose message says which field is wrong.
import { describe, expect, it } from "vitest";
import { createOrderBody, registerBody, verifyTokenBody } from "../../../lib/contract/body-checks";
import { HttpError } from "./errors";
import { parseBody } from "./validate";

function errorFrom(run: () => unknown): HttpError {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error("expected an HttpError");
}

describe("parseBody", () => {
  it("returns the parsed body when it matches", () => {
    const body = parseBody(registerBody, { email: " Ada@Example.com ", password: "correct horse", name: "Ada" });
    expect(body).toEqual({ email: "ada@example.com", password: "correct horse", name: "Ada" });
  });

  it("answers a short password with a 400 naming the password field", () => {
    const error = errorFrom(() => parseBody(registerBody, { email: "ada@example.com", password: "short", name: "Ada" }));
    expect(error.status).toBe(400);
    expect(error.message).toBe("password: password must be at least 8 characters");
  });

  it("names a nested field by its path", () => {
    const error = errorFrom(() => parseBody(createOrderBody, { userId: "u-1", items: [{ productId: "p-mouse", quantity: 0 }] }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^items\.0\.quantity: /);
  });

  it("answers a body that is not an object at all with a 400", () => {
    const error = errorFrom(() => parseBody(verifyTokenBody, undefined));
    expect(error.status).toBe(400);
    expect(error.message).toBe("Invalid input: expected object, received undefined");
  });
});
