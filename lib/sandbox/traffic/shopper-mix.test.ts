// The shoppers' mix: mostly browsing, some account pages, few orders and rare logins, each shopper signed in first.
import { describe, expect, it } from "vitest";
import { MIX, nextAction, productToBuy, type ShopperSnapshot } from "./shopper-mix";

const PRODUCTS = [
  { id: "p-mouse", priceCents: 2_900 },
  { id: "p-keyboard", priceCents: 8_900 },
  { id: "p-laptop", priceCents: 189_900 },
];

/** A seeded generator, so the shares are the same at every run. */
function dice(seed = 42): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

function shares(shopper: ShopperSnapshot, runs = 20_000): Record<string, number> {
  const roll = dice();
  const counts: Record<string, number> = {};
  for (let index = 0; index < runs; index++) {
    const { kind } = nextAction(shopper, PRODUCTS, roll);
    counts[kind] = (counts[kind] ?? 0) + 100 / runs;
  }
  return counts;
}

describe("the shoppers' mix", () => {
  it("is mostly browsing, some account pages, a few orders and rare logins", () => {
    const mix = shares({ status: "signed-in", lastOrderId: "o-1" });
    expect(mix["list-products"]).toBeCloseTo(MIX.listProducts, -0.5);
    expect(mix["view-product"]).toBeCloseTo(MIX.viewProduct, -0.5);
    expect(mix["view-order"] + mix.notifications).toBeCloseTo(MIX.account, -0.5);
    expect(mix["place-order"]).toBeGreaterThan(3.5);
    expect(mix["place-order"]).toBeLessThan(6.5);
    expect(mix["log-in"]).toBeLessThan(1.5);
  });

  it("registers or logs in a shopper without a token before anything that needs one, and browses meanwhile", () => {
    expect(shares({ status: "anonymous", lastOrderId: null }).register).toBeCloseTo(MIX.account + MIX.placeOrder + MIX.logIn, -0.5);
    expect(shares({ status: "registered", lastOrderId: null })["log-in"]).toBeCloseTo(MIX.account + MIX.placeOrder + MIX.logIn, -0.5);
    const busy = shares({ status: "busy", lastOrderId: null });
    expect(Object.keys(busy).sort()).toEqual(["list-products", "view-product"]);
  });

  it("looks at the product list first when no products were seen yet", () => {
    expect(nextAction({ status: "signed-in", lastOrderId: null }, [], dice())).toEqual({ kind: "list-products" });
  });

  it("buys cheap things mostly; an expensive one only now and then", () => {
    const roll = dice(7);
    const bought: Record<string, number> = {};
    for (let index = 0; index < 10_000; index++) {
      const id = productToBuy(PRODUCTS, roll);
      bought[id] = (bought[id] ?? 0) + 1;
    }
    expect(bought["p-mouse"]).toBeGreaterThan(bought["p-keyboard"]);
    expect(bought["p-laptop"]).toBeGreaterThan(0);
    expect(bought["p-laptop"]).toBeLessThan(300);
  });
});
