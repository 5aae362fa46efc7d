// The sandbox screen shows every process of the shop on the graph with its live status, and acts on them.
import { expect, test } from "@playwright/test";
import { SHOP_SERVICE_IDS, queueTopology } from "../lib/contract/services";
import { action, everythingHealthy, graphNode, inspect, serviceFacts } from "./helpers";

test.afterEach(async ({ request }) => everythingHealthy(request));

test("the graph shows every service of the shop, the broker and its queues, all healthy", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Architecture Sandbox" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "live" })).toHaveAttribute("data-connection", "connected");
  for (const id of ["redis", ...SHOP_SERVICE_IDS]) {
    await expect(graphNode(page, id)).toHaveAttribute("data-status", "healthy");
    // Never colour alone: the status is written on the box.
    await expect(graphNode(page, id)).toContainText("healthy");
  }
  for (const { queue } of queueTopology()) await expect(page.locator(`.react-flow [data-queue="${queue}"]`)).toBeVisible();
  await expect(page.locator(".legend")).toContainText("crashed");
});

test("killing a service from its inspector marks it stopped, and a redeploy brings it back as the next version", async ({ page, request }) => {
  await page.goto("/");
  const node = graphNode(page, "notification-service");
  await expect(node).toHaveAttribute("data-status", "healthy");
  const { version } = await serviceFacts(request, "notification-service");

  const inspector = await inspect(page, "notification-service");
  await action(inspector, "Kill").click();
  await expect(node).toHaveAttribute("data-status", "stopped");
  await expect(node).toContainText("stopped");
  await expect(inspector).toContainText("killed by the user");
  // A stopped service cannot be killed or stopped again: the inspector says so by disabling those buttons.
  await expect(action(inspector, "Kill")).toBeDisabled();
  await expect(action(inspector, "Stop")).toBeDisabled();
  await expect(action(inspector, "Start")).toBeEnabled();

  await action(inspector, "Redeploy").click();
  await expect(node).toHaveAttribute("data-status", "healthy");
  await expect(node).toContainText(`v${version + 1}`);
  await expect(inspector.locator("dd.version")).toHaveText(`v${version + 1}`);
});

test("the inspector can be reached and driven from the keyboard", async ({ page }) => {
  await page.goto("/");
  await expect(graphNode(page, "product-service")).toHaveAttribute("data-status", "healthy");
  await page.locator('.react-flow__node[data-id="product-service"]').focus();
  await page.keyboard.press("Enter");
  const inspector = page.locator('[data-service-inspector="product-service"]');
  await expect(inspector).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(inspector).toBeHidden();
});
