// The lesson panel readable on a laptop (1280×800) and on a projector (1920×1080): every text at least 12 px as
// drawn (the house minimum), the step's own words at least 14 px, nothing cut or outside the screen, and the graph still beside it.
import { expect, test, type Page } from "@playwright/test";
import { AS_SCRIPT } from "./helpers";

interface Reading {
  smallest: { px: number; text: string };
  smallestStepText: number;
  cut: string[];
  panel: { left: number; right: number; width: number };
  graphOverlap: boolean;
  pointerLabel: { px: number; onScreen: boolean };
}

/** Measured in the page, as drawn (computed font size, boxes on screen). */
const read = (page: Page): Promise<Reading> =>
  page.evaluate(() => {
    const panel = document.querySelector(".lesson-panel")!;
    // The pointer is drawn over the page, not in the panel: measured on its own below.
    const shown = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden" && !element.closest(".visually-hidden, .lesson-pointer");
    const texts = [...panel.querySelectorAll("*")].filter((element) => shown(element) && [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== ""));
    const sizes = texts.map((element) => ({ px: parseFloat(getComputedStyle(element).fontSize), text: element.textContent!.trim().slice(0, 40) }));
    const box = panel.getBoundingClientRect();
    const cut = texts.filter((element) => {
      const rect = element.getBoundingClientRect();
      return element.scrollWidth > element.clientWidth + 1 || rect.left < box.left - 1 || rect.right > box.right + 1;
    });
    const graph = document.querySelector(".react-flow")!.getBoundingClientRect();
    const label = document.querySelector(".lesson-pointer-label")!;
    const labelBox = label.getBoundingClientRect();
    return {
      smallest: sizes.reduce((a, b) => (b.px < a.px ? b : a)),
      smallestStepText: Math.min(...[...panel.querySelectorAll(".lesson-step p, .lesson-checks li")].map((element) => parseFloat(getComputedStyle(element).fontSize))),
      cut: cut.map((element) => element.textContent!.trim().slice(0, 40)),
      panel: { left: box.left, right: box.right, width: box.width },
      pointerLabel: { px: parseFloat(getComputedStyle(label).fontSize), onScreen: labelBox.left >= 0 && labelBox.top >= 0 && labelBox.right <= innerWidth && labelBox.bottom <= innerHeight },
      graphOverlap: !(graph.right <= box.left || box.right <= graph.left || graph.bottom <= box.top || box.bottom <= graph.top),
    };
  });

for (const viewport of [{ width: 1280, height: 800, name: "a laptop" }, { width: 1920, height: 1080, name: "a projector" }]) {
  test(`the lesson panel is readable on ${viewport.name} (${viewport.width}×${viewport.height})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    // A fresh run of the step, its prediction still open: the other screen size's run would be joined, not restarted.
    expect((await page.request.post("/api/lessons/payment-outage/start", { headers: AS_SCRIPT, data: { step: "accept-orders" } })).ok()).toBe(true);
    await page.goto("/tutorial/payment-outage/accept-orders");
    const panel = page.locator('.lesson-panel[data-lesson="payment-outage"]');
    await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
    // The prediction's own check, then the step's two.
    await expect(panel.locator(".lesson-checks li")).toHaveCount(3);
    // The pointer shows once the prediction is locked: the experiment starts after it.
    await panel.getByLabel("Orders are accepted and wait").check();
    await panel.getByRole("button", { name: "Lock my prediction" }).click();
    await expect(panel.locator("[data-prediction-locked]")).toBeVisible();
    await panel.getByRole("button", { name: "Hint" }).click();
    const reading = await read(page);
    expect(reading.smallest.px, `smallest text: “${reading.smallest.text}”`).toBeGreaterThanOrEqual(12);
    expect(reading.smallestStepText).toBeGreaterThanOrEqual(14);
    expect(reading.cut).toEqual([]);
    expect(reading.panel.left).toBeGreaterThanOrEqual(0);
    expect(reading.panel.right).toBeLessThanOrEqual(viewport.width);
    expect(reading.panel.width).toBeGreaterThanOrEqual(260);
    expect(reading.graphOverlap).toBe(false);
    expect(reading.pointerLabel).toEqual({ px: expect.any(Number), onScreen: true });
    expect(reading.pointerLabel.px).toBeGreaterThanOrEqual(13);
    // Every step's text and the buttons to act on can be reached on screen (the column scrolls, nothing is clipped away).
    for (const locator of [panel.locator(".lesson-todo"), panel.getByRole("button", { name: "Show me" }), panel.locator(".lesson-checks")]) {
      await locator.scrollIntoViewIfNeeded();
      await expect(locator).toBeInViewport({ ratio: 1 });
    }
    // The check list and each tick are announced without interrupting: a polite live region.
    await expect(panel.locator("[data-announcement]")).toHaveAttribute("aria-live", "polite");
  });
}
