// Progress survives a reload; a deep link sets up what its step needs; a broken precondition is noticed and put back.
import { expect, test } from "@playwright/test";
import { everythingHealthy, serviceFacts } from "./helpers";

const downStatuses = ["stopped", "crashed"];

test("progress survives a reload, in the lesson and on the course map", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/tutorial/rolling-redeploy/start-traffic");
  const panel = page.locator('.lesson-panel[data-lesson="rolling-redeploy"]');
  await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  await panel.getByRole("button", { name: "Show me" }).click();
  await expect(panel.locator('[data-step-id="start-traffic"]')).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page).toHaveURL(/\/tutorial\/rolling-redeploy\/rolling$/);
  await panel.getByLabel("None").check();
  await panel.getByRole("button", { name: "Lock my prediction" }).click();
  await expect(panel.locator("[data-prediction-locked]")).toContainText("None");
  await page.reload();
  await expect(panel.locator('[data-step-id="start-traffic"]')).toHaveAttribute("data-status", "done");
  await expect(panel).toHaveAttribute("data-step", "rolling");
  // The prediction is the server's: locked, it survives the reload.
  await expect(panel.locator("[data-prediction-locked]")).toContainText("Your prediction: None (locked)");
  await page.goto("/tutorial");
  await expect(page.locator('[data-lesson-card="rolling-redeploy"]')).toContainText("1 of 2 steps done");
});

test("a deep link opens the right step with its start state set up", async ({ page, request }) => {
  test.setTimeout(120_000);
  await everythingHealthy(request);
  await page.goto("/tutorial/payment-outage/drain");
  const panel = page.locator('.lesson-panel[data-lesson="payment-outage"]');
  await expect(panel).toHaveAttribute("data-step", "drain");
  await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  expect(downStatuses).toContain((await serviceFacts(request, "payment-service")).status);
  await expect(page.locator('.react-flow [data-queue="payment-inbox"]')).not.toHaveAttribute("data-waiting", "0");
  await panel.getByRole("button", { name: "Show me" }).click();
  await expect(panel.locator("[data-result-card]")).toBeVisible({ timeout: 60_000 });
});

test("a broken precondition is noticed, said in words, and put back", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto("/tutorial/payment-outage/accept-orders");
  const panel = page.locator('.lesson-panel[data-lesson="payment-outage"]');
  await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  expect(downStatuses).toContain((await serviceFacts(request, "payment-service")).status);
  // The learner starts payment-service too early: the step needs it down.
  expect((await request.post("/api/services/payment-service/start", { data: {} })).ok()).toBe(true);
  const broken = panel.locator("[data-broken]");
  await expect(broken).toContainText("payment-service is down");
  await broken.getByRole("button", { name: "Put it back" }).click();
  await expect(broken).toHaveCount(0, { timeout: 30_000 });
  expect(downStatuses).toContain((await serviceFacts(request, "payment-service")).status);
  await expect(panel).toHaveAttribute("data-step", "accept-orders");
  await everythingHealthy(request);
});
