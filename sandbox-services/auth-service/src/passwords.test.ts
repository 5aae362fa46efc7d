// Stored passwords: salted so equal passwords look different, and only the right password matches.
import { describe, expect, it } from "vitest";
import { checkPassword, hashPassword } from "./passwords";

describe("hashPassword and checkPassword", () => {
  it("stores the same password differently each time, thanks to the salt", async () => {
    const first = await hashPassword("correct horse");
    const second = await hashPassword("correct horse");
    expect(first).not.toBe(second);
    expect(first).not.toContain("correct horse");
  });

  it("matches the right password against either stored hash", async () => {
    const first = await hashPassword("correct horse");
    const second = await hashPassword("correct horse");
    expect(await checkPassword("correct horse", first)).toBe(true);
    expect(await checkPassword("correct horse", second)).toBe(true);
  });

  it("does not match a wrong password", async () => {
    const stored = await hashPassword("correct horse");
    expect(await checkPassword("correct horse!", stored)).toBe(false);
    expect(await checkPassword("", stored)).toBe(false);
  });
});
