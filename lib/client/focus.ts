// Where keyboard focus goes after an action whose button is disabled or replaced meanwhile: the line that tells the outcome.
/** The shop panel's message line (register, log in, order). */
export const SHOP_MESSAGE_ID = "shop-message";

/** Focuses the element if it is on the page; focus then never falls back to the page's body. */
export function focusById(id: string): void {
  const element = document.getElementById(id);
  if (element) element.focus({ preventScroll: true });
}

export const focusShopMessage = (): void => focusById(SHOP_MESSAGE_ID);
