// The statuses a handler's errors answer with, and the sentences that come with them.
import { describe, expect, it } from "vitest";
import { HttpError, ServiceUnavailableError, badRequest, conflict, notFound, unauthorized } from "./errors";

describe("errors", () => {
  it.each([
    ["badRequest", badRequest("bad"), 400],
    ["unauthorized", unauthorized(), 401],
    ["notFound", notFound("missing"), 404],
    ["conflict", conflict("taken"), 409],
  ])("%s answers with status %i", (_name, error, status) => {
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(status);
  });

  it("keeps the sentence it was given", () => {
    expect(conflict("ada@example.com is already registered").message).toBe("ada@example.com is already registered");
  });

  it("asks the user to log in when no reason is given for a 401", () => {
    expect(unauthorized().message).toBe("log in first: a valid Bearer token is required");
    expect(unauthorized("the token has expired").message).toBe("the token has expired");
  });

  it("says which service is down with a 503", () => {
    const error = new ServiceUnavailableError("payment-service", "connection refused");
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(503);
    expect(error.service).toBe("payment-service");
    expect(error.message).toBe("payment-service is down (connection refused)");
  });
});
