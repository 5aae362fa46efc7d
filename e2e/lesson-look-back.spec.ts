// A look back, done as a learner does it: rewind under the graph, step between the timeline's marks, press "This is
// the moment". A moment where payment-service is running again keeps the step open and says so; the moment it went
// down passes, and the panel names the job it was holding. The mark button waits while the timeline is live.
import { expect, test } from "@playwright/test";

test("at-least-once: rewound to the kill by the timeline's marks, the marked moment is checked and the step ticks", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/tutorial/at-least-once/find-held-job");
  const panel = page.locator('.lesson-panel[data-lesson="at-least-once"]');
  await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  await expect(panel.locator(".lesson-preparing")).toHaveCount(0, { timeout: 60_000 });
  const markButton = panel.getByRole("button", { name: "This is the moment" });
  await expect(markButton).toBeDisabled();

  await page.locator('.time-bar [data-control="rewind"]').click();
  await expect(page.locator(".time-bar")).toHaveAttribute("data-time-mode", "past");
  await expect(markButton).toBeEnabled();

  // From the end, the last mark is payment-service coming back: the wrong moment.
  await page.getByRole("button", { name: "previous mark" }).click();
  await expect(page.locator("[data-last-mark]")).toHaveAttribute("data-last-mark", "up");
  await markButton.click();
  await expect(panel.locator("[data-marked-moment]")).toBeVisible();
  await expect(panel.locator(".lesson-checks")).toContainText("not that moment: payment-service was running at that moment");
  await expect(panel).toHaveAttribute("data-step-status", "active");

  // One mark back: payment-service going down, with the job it had taken still unfinished.
  await page.getByRole("button", { name: "previous mark" }).click();
  await expect(page.locator("[data-last-mark]")).toHaveAttribute("data-last-mark", "down");
  await markButton.click();
  await expect(panel.locator('[data-step-id="find-held-job"]')).toHaveAttribute("data-status", "done", { timeout: 15_000 });
  // The next step opened; looking back at the done one shows what the moment held.
  await panel.getByRole("button", { name: "Back" }).click();
  await expect(panel.locator("[data-marked-moment]")).toContainText("Marked:");
});
