// Killing a service from the screen: its box says so, the shop's own error reaches the shopper, the stream shows the failures.
import { expect, test } from "@playwright/test";
import { action, everythingHealthy, graphNode, inspect, orderButton, registerShopper, serviceFacts } from "./helpers";

test.afterEach(async ({ request }) => everythingHealthy(request));

test("with order-service killed, an order gets the shop's 503 in the panel and red failures in the stream; a redeploy brings it back", async ({ page, request }) => {
  await page.goto("/");
  await registerShopper(page);
  const { version } = await serviceFacts(request, "order-service");
  const inspector = await inspect(page, "order-service");
  await action(inspector, "Kill").click();
  await expect(graphNode(page, "order-service")).toHaveAttribute("data-status", "stopped");

  await orderButton(page, "p-mouse").click();
  const refusal = page.locator('[data-shop-message="error"]');
  await expect(refusal).toContainText("Order refused: 503");
  await expect(refusal).toContainText("order-service");
  // The page did not crash: the graph is still there and live.
  await expect(graphNode(page, "api-gateway")).toHaveAttribute("data-status", "healthy");

  await page.getByLabel("errors only").check();
  const stream = page.getByRole("table", { name: "events, newest first" });
  await expect(stream.getByRole("row").filter({ hasText: "api-gateway → order-service" }).first()).toBeVisible();
  await expect(stream.getByRole("row").first()).toHaveClass(/outcome-failure/);
  await page.getByLabel("errors only").uncheck();

  await action(inspector, "Redeploy").click();
  await expect(graphNode(page, "order-service")).toHaveAttribute("data-status", "healthy");
  await expect(graphNode(page, "order-service")).toContainText(`v${version + 1}`);
  await orderButton(page, "p-mouse").click();
  await expect(page.locator('[data-shop-message="ok"]')).toContainText("Order accepted (202)");
});
