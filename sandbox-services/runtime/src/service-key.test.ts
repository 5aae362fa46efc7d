// The stack's key check: only the exact key passes; a missing, shorter, longer or repeated header does not.
import { describe, expect, it } from "vitest";
import { serviceKeyCheck } from "./service-key";

describe("serviceKeyCheck", () => {
  const secret = "0123456789abcdef".repeat(4);
  const check = serviceKeyCheck(secret);

  it("passes the exact key", () => {
    expect(check(secret)).toBe(true);
  });

  it.each([undefined, "", secret.slice(1), `${secret}0`, secret.toUpperCase(), [secret, secret]])("refuses %j", (header) => {
    expect(check(header)).toBe(false);
  });
});
