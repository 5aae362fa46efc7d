// Where keyboard focus goes after an action whose button is disabled or replaced meanwhile: the line that tells the outcome.
/** The shop panel's message line (register, log in, order). */
export const SHOP_MESSAGE_ID = "shop-message";

/** Focuses the element if it is on the page; focus then never falls back to the page's body. */
export function focusById(id: string): void {
  const element = document.getElementById(id);
  if (element) element.focus({ preventScroll: true });
}

export const focusShopMessage = (): void => focusById(SHOP_MESSAGE_ID);

/**
 * After the next render, focuses the first element on the page matching one of the selectors, in order of preference
 * (e.g. the scenario's Stop button, else its error): the button pressed was disabled meanwhile and lost focus.
 */
export function focusAfterRender(selectors: readonly string[]): void {
  requestAnimationFrame(() => {
    for (const selector of selectors) {
      const element = document.querySelector<HTMLElement>(selector);
      if (element) {
        if (!element.matches("button, a, input, select, textarea, [tabindex]")) element.tabIndex = -1;
        element.focus({ preventScroll: true });
        return;
      }
    }
  });
}
