// The connection indicator tells the truth on every page: the course map is live within seconds and offers the
// architecture switch, and coming back to it from a lesson says live, with no "connection lost" over the bar.
import { expect, test, type Page } from "@playwright/test";

async function expectLive(page: Page) {
  const indicator = page.locator(".topbar .connection");
  await expect(indicator).toHaveAttribute("data-connection", "connected", { timeout: 10_000 });
  await expect(indicator).toHaveText("● live");
  await expect(page.getByRole("button", { name: "Monolith", exact: true })).toBeEnabled();
  await expect(page.locator(".connection-lost")).toHaveCount(0);
}

test("the course map is live within seconds, and again after returning from a lesson", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/tutorial");
  await expectLive(page);

  await page.locator('[data-lesson-card="payment-outage"] a').click();
  await expect(page.locator('.lesson-panel[data-lesson="payment-outage"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".topbar .connection")).toHaveAttribute("data-connection", "connected", { timeout: 10_000 });

  // Back by the lesson's own link: the page is not reloaded, the lesson's connection is closed on leaving.
  await page.locator(".lesson-crumb").getByRole("link", { name: "Guided lessons" }).click();
  await expect(page).toHaveURL(/\/tutorial$/);
  await expectLive(page);
  // The "Both" button of the switch is not covered by any notice.
  const both = page.getByRole("button", { name: "Both", exact: true });
  const box = (await both.boundingBox())!;
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("button")?.textContent ?? null, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  expect(onTop).toBe("Both");
});
