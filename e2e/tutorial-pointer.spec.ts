// The lesson's pointer finds a button in a closed tab: it shows the tab first, then the button once the tab is open.
import { expect, test } from "@playwright/test";
import { expectPointerOver } from "./pointer";

test("the pointer leads to the Traffic tab, then lands on its Start traffic button", async ({ page }) => {
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
});
