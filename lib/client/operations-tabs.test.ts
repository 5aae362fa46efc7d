// The left panel's tabs: arrow keys, Home and End move along them, and the chosen tab is remembered.
import { describe, expect, it } from "vitest";
import { saveTab, savedTab, tabAfterKey } from "./operations-tabs";

describe("the left panel's tabs", () => {
  it("moves with the arrow keys, wrapping, and jumps with Home and End", () => {
    expect(tabAfterKey("shop", "ArrowRight")).toBe("traffic");
    expect(tabAfterKey("audit", "ArrowRight")).toBe("shop");
    expect(tabAfterKey("shop", "ArrowLeft")).toBe("audit");
    expect(tabAfterKey("scenarios", "Home")).toBe("shop");
    expect(tabAfterKey("shop", "End")).toBe("audit");
    expect(tabAfterKey("shop", "a")).toBeNull();
  });

  it("remembers the chosen tab, and falls back to Shop for anything else", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, value) };
    expect(savedTab(storage)).toBe("shop");
    saveTab(storage, "scenarios");
    expect(savedTab(storage)).toBe("scenarios");
    store.set("sandbox.left-tab", "nonsense");
    expect(savedTab(storage)).toBe("shop");
    expect(savedTab(undefined)).toBe("shop");
    expect(savedTab({ getItem: () => { throw new Error("denied"); } })).toBe("shop");
  });
});
