// Where keyboard focus goes after an action whose button is disabled or replaced meanwhile: the line that tells the outcome.
/** The shop panel's message line (register, log in, order). */
export const SHOP_MESSAGE_ID = "shop-message";

/** Focuses the element if it is on the page; focus then never falls back to the page's body. */
export function focusById(id: string): void {
  const element = document.getElementById(id);
  if (element) element.focus({ preventScroll: true });
}

export const focusShopMessage = (): void => focusById(SHOP_MESSAGE_ID);

/** Frames to wait for the preferred element to be drawn (React commits on its own schedule) before taking a fallback. */
const FRAMES_FOR_PREFERRED = 30;

/** Focuses any element, making one that is not focusable by itself focusable by script only. */
export function focusElement(element: HTMLElement): void {
  if (!element.matches("button, a, input, select, textarea, [tabindex]")) element.tabIndex = -1;
  element.focus({ preventScroll: true });
}

/**
 * Once the page is drawn, focuses the first element matching the selectors, in order of preference (e.g. the
 * scenario's Stop button, else its error): the button pressed was disabled meanwhile and lost focus. The first choice
 * is waited for a few frames, since the answer that brings it may not be on screen yet.
 */
export function focusAfterRender(selectors: readonly string[], frames = FRAMES_FOR_PREFERRED): void {
  requestAnimationFrame(() => {
    const preferred = document.querySelector<HTMLElement>(selectors[0]);
    if (preferred) return focusElement(preferred);
    if (frames > 0) return focusAfterRender(selectors, frames - 1);
    for (const selector of selectors.slice(1)) {
      const element = document.querySelector<HTMLElement>(selector);
      if (element) return focusElement(element);
    }
  });
}
