"use client";
// Which shop the panel uses when both stacks run: the microservices' or the monolith's (each has its own data).
// The choice is kept across reloads; with one stack running, the panel simply uses that one and says so.
import { useEffect } from "react";
import { useStore } from "zustand";
import type { StackId } from "../../lib/contract/events";
import { effectiveShopStack, saveShopChoice, storedShopChoice } from "../../lib/client/shop-stack";
import { setShopChoice, shopperStore, switchShopStack } from "../../lib/client/stores/shopper-store";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";

const LABEL: Record<StackId, string> = { microservices: "Microservices", monolith: "Monolith" };

/** Keeps the panel on the right stack as the architecture changes or the person chooses; call once. */
export function useShopStackFollowing(): void {
  const architecture = useStore(sandboxStore, (view) => view.sandbox?.architecture ?? null);
  const choice = useStore(shopperStore, (view) => view.choice);
  useEffect(() => {
    setShopChoice(storedShopChoice());
  }, []);
  useEffect(() => {
    if (architecture) void switchShopStack(effectiveShopStack(choice, architecture));
  }, [choice, architecture]);
}

export function ShopStackChoice() {
  const architecture = useStore(sandboxStore, (view) => view.sandbox?.architecture ?? null);
  const stack = useStore(shopperStore, (view) => view.stack);
  const choice = useStore(shopperStore, (view) => view.choice);
  if (architecture !== "both") {
    return (
      <p className="muted small shop-stack" data-shop-stack={stack}>
        Shopping at the <strong>{stack}</strong> shop.
      </p>
    );
  }
  const choose = (next: StackId) => {
    saveShopChoice(next);
    setShopChoice(next);
  };
  return (
    <fieldset className="segmented shop-stack" data-shop-stack={stack}>
      <legend>Shop at</legend>
      {(["microservices", "monolith"] as const).map((value) => (
        <label key={value} className={choice === value ? "chosen" : undefined}>
          <input type="radio" name="shop-stack" value={value} checked={choice === value} onChange={() => choose(value)} />
          {LABEL[value]}
        </label>
      ))}
    </fieldset>
  );
}
