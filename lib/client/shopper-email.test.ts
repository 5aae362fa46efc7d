// The shop form's email: a new one per browser, then the same one every time in that browser.
import { describe, expect, it } from "vitest";
import { shopperEmail } from "./shopper-email";

const memory = () => {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
};

describe("shopperEmail", () => {
  it("gives two browsers two addresses, and one browser the same address again", () => {
    const mine = memory();
    const theirs = memory();
    const first = shopperEmail(mine, () => 0.25);
    expect(first).toMatch(/^shopper-[0-9a-z]{6}@example\.com$/);
    expect(shopperEmail(mine, () => 0.75)).toBe(first);
    expect(shopperEmail(theirs, () => 0.75)).not.toBe(first);
  });
});
