// Which stack's shop the shopper panel talks to: the person's choice when both run, otherwise the one that runs.
import type { StackId } from "../contract/events";
import type { Architecture } from "../contract/services";

const CHOICE_KEY = "architecture-sandbox:shop-stack";

/** The stack the panel uses: the choice when both run (or nothing is known yet), else the only stack that runs. */
export function effectiveShopStack(choice: StackId, architecture: Architecture | null): StackId {
  if (architecture === null || architecture === "both") return choice;
  return architecture;
}

/** The choice kept across reloads (localStorage); the microservices when nothing was chosen. */
export function storedShopChoice(): StackId {
  try {
    return typeof localStorage !== "undefined" && localStorage.getItem(CHOICE_KEY) === "monolith" ? "monolith" : "microservices";
  } catch {
    return "microservices";
  }
}

export function saveShopChoice(stack: StackId): void {
  try {
    localStorage.setItem(CHOICE_KEY, stack);
  } catch {
    // Storage refused: the choice then lasts until a reload.
  }
}
