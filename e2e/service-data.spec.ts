// A service's own database, seen from the page: order-service's Data tab shows a new order's row within a second of
// the order being placed. (The order's database spans are checked with the rest of its trace in shopper-order.spec.ts.)
import { expect, test } from "@playwright/test";
import { inspect, orderButton, registerShopper, useArchitecture } from "./helpers";

test.beforeEach(async ({ request }) => {
  await useArchitecture(request, "microservices");
});

test("order-service's Data tab shows a new order's row within a second of placing it", async ({ page }) => {
  await page.goto("/");
  await registerShopper(page);
  const inspector = await inspect(page, "order-service");
  const data = inspector.locator('[data-service-data="order-service"]');
  await data.getByText("Data", { exact: false }).first().click();
  await expect(data.locator('[data-table="orders"]')).toBeVisible();
  await expect(data).toContainText("order-service.sqlite");

  await orderButton(page, "p-mouse").click();
  const order = page.locator("[data-order]").first();
  await expect(order).toBeVisible();
  const orderId = (await order.getAttribute("data-order"))!;
  // Within a second of the shopper seeing the order: its row, and its OrderCreated waiting in (or sent from) the outbox.
  await expect(data.locator('[data-table="orders"]').getByRole("cell", { name: orderId, exact: true })).toBeVisible({ timeout: 1_000 });
  await expect(data.locator('[data-table="outbox"]').getByRole("cell", { name: orderId, exact: true })).toBeVisible({ timeout: 1_000 });
  // Read-only: the tab offers nothing that could change a row.
  await expect(data.getByRole("button")).toHaveCount(0);
  await expect(data.getByRole("textbox")).toHaveCount(0);
});
