// The left panel's tabs, and remembering the one chosen across reloads of the tab (sessionStorage).

export const OPERATION_TABS = [
  { id: "shop", label: "Shop" },
  { id: "traffic", label: "Traffic" },
  { id: "break", label: "Break it" },
  { id: "scenarios", label: "Scenarios" },
  { id: "audit", label: "Audit" },
] as const;

export type OperationTab = (typeof OPERATION_TABS)[number]["id"];

const KEY = "sandbox.left-tab";

export const isOperationTab = (value: unknown): value is OperationTab => OPERATION_TABS.some((tab) => tab.id === value);

export function savedTab(storage: Pick<Storage, "getItem"> | undefined): OperationTab {
  try {
    const value = storage?.getItem(KEY);
    return isOperationTab(value) ? value : "shop";
  } catch {
    return "shop";
  }
}

export function saveTab(storage: Pick<Storage, "setItem"> | undefined, tab: OperationTab): void {
  try {
    storage?.setItem(KEY, tab);
  } catch {
    // A private window may refuse storage: the tab is then only remembered until reload.
  }
}

/** Where an arrow, Home or End key moves the selection, wrapping around. */
export function tabAfterKey(current: OperationTab, key: string): OperationTab | null {
  const index = OPERATION_TABS.findIndex((tab) => tab.id === current);
  const last = OPERATION_TABS.length - 1;
  const next = key === "ArrowRight" || key === "ArrowDown" ? (index + 1) % OPERATION_TABS.length
    : key === "ArrowLeft" || key === "ArrowUp" ? (index - 1 + OPERATION_TABS.length) % OPERATION_TABS.length
    : key === "Home" ? 0
    : key === "End" ? last
    : null;
  return next === null ? null : OPERATION_TABS[next].id;
}
