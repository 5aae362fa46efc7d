// The classroom's secrets: long enough, compared whole, join codes readable.
import { describe, expect, it } from "vitest";
import { checkGivenToken, newJoinCode, newPresenterToken, normaliseJoinCode, sameSecret } from "./secrets";
import { bearerToken, readCookies } from "./cookies";

describe("classroom secrets", () => {
  it("makes a new presenter token of 256 bits each time", () => {
    const token = newPresenterToken();
    expect(Buffer.from(token, "base64url").length).toBe(32);
    expect(newPresenterToken()).not.toBe(token);
  });

  it("accepts only the whole secret", () => {
    expect(sameSecret("abc", "abc")).toBe(true);
    expect(sameSecret("ab", "abc")).toBe(false);
    expect(sameSecret("abcd", "abc")).toBe(false);
    expect(sameSecret(undefined, "abc")).toBe(false);
  });

  it("refuses a given token too short to be secret", () => {
    expect(checkGivenToken("short")).toMatch(/at least/);
    expect(checkGivenToken("a".repeat(22))).toBeUndefined();
  });

  it("makes join codes without letters that are misread, typed in any case", () => {
    const code = newJoinCode();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(normaliseJoinCode(` ${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`)).toBe(code);
  });

  it("reads cookies and a bearer token", () => {
    expect(readCookies({ cookie: "a=1; b=x%20y; a=2; broken" })).toEqual(new Map([["a", "1"], ["b", "x y"]]));
    expect(bearerToken({ authorization: "Bearer abc" })).toBe("abc");
    expect(bearerToken({ authorization: "Basic abc" })).toBeUndefined();
  });
});
