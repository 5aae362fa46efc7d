// The graph is fitted again whenever its space changes, and stays readable: on a 1280×800 laptop and a 1920×1080
// screen, fresh, with the trace inspector an order opens, after closing it, and in a lesson, every box of the graph
// lies inside the graph's pane, no text is drawn under 12 px (names 14 px) and no arrow over the broker's caption.
import { expect, test, type Page } from "@playwright/test";
import { readGraph, SCREENS } from "./graph-reading";
import { everythingHealthy, graphNode, orderButton, registerShopper, useArchitecture } from "./helpers";

/**
 * Waits until the graph is fitted to its pane (its boxes span the pane's width or its height, less the fit's margin),
 * every box inside it, no text under the floors.
 */
async function expectFitted(page: Page, where: string) {
  await expect(page.locator(".react-flow__viewport")).toHaveAttribute("style", /scale/);
  await expect
    .poll(async () => {
      const reading = await readGraph(page);
      return { fitted: Math.max(reading.fill.width, reading.fill.height) > 0.9, outside: reading.outside, small: reading.small, crossed: reading.crossed };
    }, { message: `${where}: fitted to the pane; boxes outside it; texts under 12 px (names 14 px); arrows over the broker's caption` })
    .toEqual({ fitted: true, outside: [], small: [], crossed: [] });
  return (await readGraph(page)).scale;
}

test.beforeAll(async ({ request }) => {
  await useArchitecture(request, "microservices");
});

for (const size of SCREENS) {
  test(`at ${size.width}×${size.height} the graph is fitted again when the inspector opens and closes, and in a lesson`, async ({ page, request }) => {
    test.setTimeout(180_000);
    await everythingHealthy(request);
    await page.setViewportSize(size);
    await page.goto("/");
    await expect(graphNode(page, "notification-service")).toHaveAttribute("data-status", "healthy");
    await expect(page.locator(".screen")).toHaveClass(/inspector-closed/);
    const fresh = await expectFitted(page, "fresh");

    // An order opens its trace in the inspector's column: the graph is fitted to what is left, never hidden behind it.
    await registerShopper(page);
    await orderButton(page, "p-mouse").click();
    await expect(page.locator(".right-panel .trace-inspector")).toBeVisible();
    await expect(page.locator(".screen")).not.toHaveClass(/inspector-closed/);
    await expectFitted(page, "inspector open");

    // Closed, the graph takes the room back: drawn as large as on a fresh load.
    await page.getByRole("button", { name: "close the inspector" }).click();
    await expect(page.locator(".screen")).toHaveClass(/inspector-closed/);
    await expect.poll(async () => (await readGraph(page)).scale, { message: "the graph's zoom after the inspector closed" }).toBeCloseTo(fresh, 2);
    await expectFitted(page, "inspector closed");

    // A lesson's panel takes the column: still every box inside the pane, every text readable.
    await page.goto("/tutorial/payment-outage");
    await expect(page.locator('.lesson-panel[data-lesson="payment-outage"]')).toBeVisible();
    await expect(graphNode(page, "payment-service")).toBeVisible({ timeout: 60_000 });
    await expectFitted(page, "in a lesson");
  });
}
