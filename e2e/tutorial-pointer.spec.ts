// The lesson's pointer finds a button in a closed tab: it shows the tab first, then the button once the tab is open;
// Show me then performs the step where the learner sees it.
import { expect, test } from "@playwright/test";
import { AS_SCRIPT } from "./helpers";
import { expectPointerOver } from "./pointer";

test("the pointer leads to the Traffic tab, then lands on its Start traffic button", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  // Another tab open first, as a learner who was shopping would have it.
  await page.getByRole("tab", { name: "Shop" }).click();
  await page.goto("/tutorial/monolith-redeploy/start-traffic");
  const panel = page.locator('.lesson-panel[data-lesson="monolith-redeploy"]');
  await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  const pointer = page.locator('[data-pointer="button:start-traffic"]');
  await expect(pointer).toHaveAttribute("data-pointer-at", "way");
  await expect(pointer).toContainText("open Traffic, then Start traffic");
  await expectPointerOver(pointer, page.getByRole("tab", { name: "Traffic" }));
  await page.getByRole("tab", { name: "Traffic" }).click();
  await expect(pointer).toHaveAttribute("data-pointer-at", "target");
  await expectPointerOver(pointer, page.getByRole("button", { name: "Start traffic" }));

  // Show me (Alt+S) starts the traffic through the sandbox's own operation, visibly: the generator's calls arrive
  // in the stream, and the step ticks by itself.
  await page.keyboard.press("Alt+s");
  await expect(page.getByRole("table", { name: "events, newest first" }).locator('[data-type="fold"], [data-origin="traffic"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(panel.locator('[data-step-id="start-traffic"]')).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Stop traffic" })).toBeEnabled();
  expect((await request.delete("/api/traffic", { headers: AS_SCRIPT })).ok()).toBe(true);
});
