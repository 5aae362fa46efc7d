// Session tokens: the signed-in user comes back out, and a forged, expired or broken token gives nobody.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "./token";

const SECRET = "test-secret";
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const HOUR = 60 * 60 * 1000;

describe("signToken and verifyToken", () => {
  it("gives back the user id a token was signed for", () => {
    const token = signToken("u-ada", SECRET, NOW);
    expect(verifyToken(token, SECRET, NOW + HOUR)).toBe("u-ada");
  });

  it("refuses a token signed with another secret", () => {
    const token = signToken("u-ada", "someone-elses-secret", NOW);
    expect(verifyToken(token, SECRET, NOW)).toBeUndefined();
  });

  it("refuses a token whose user was changed after signing", () => {
    const [, signature] = signToken("u-ada", SECRET, NOW).split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ sub: "u-admin", exp: NOW + HOUR })).toString("base64url");
    expect(verifyToken(`${forgedPayload}.${signature}`, SECRET, NOW)).toBeUndefined();
  });

  it("refuses a token whose signature was tampered with", () => {
    const [payload] = signToken("u-ada", SECRET, NOW).split(".");
    const otherSignature = createHmac("sha256", "guess").update(payload).digest("base64url");
    expect(verifyToken(`${payload}.${otherSignature}`, SECRET, NOW)).toBeUndefined();
  });

  it.each([
    ["a suffix", (signature: string) => `${signature}A`],
    ["base64 padding", (signature: string) => `${signature}=`],
    ["standard base64 letters", (signature: string) => Buffer.from(signature, "base64url").toString("base64")],
  ])("refuses a signature with %s, though it decodes to the same bytes", (_what, alter) => {
    const [payload, signature] = signToken("u-ada", SECRET, NOW).split(".");
    const altered = alter(signature);
    expect(altered).not.toBe(signature);
    expect(verifyToken(`${payload}.${altered}`, SECRET, NOW)).toBeUndefined();
  });

  it("accepts a token within its lifetime and refuses it a day later", () => {
    const token = signToken("u-ada", SECRET, NOW);
    expect(verifyToken(token, SECRET, NOW + 11 * HOUR)).toBe("u-ada");
    expect(verifyToken(token, SECRET, NOW + 24 * HOUR)).toBeUndefined();
  });

  it.each(["", "no-dot", ".", "payload.", ".signature", "a.b.c"])("refuses the malformed token %j", (token) => {
    expect(verifyToken(token, SECRET, NOW)).toBeUndefined();
  });

  it("refuses a correctly signed payload that is not a token", () => {
    const payload = Buffer.from("not json").toString("base64url");
    const signature = createHmac("sha256", SECRET).update(payload).digest("base64url");
    expect(verifyToken(`${payload}.${signature}`, SECRET, NOW)).toBeUndefined();
  });
});
