// A shopper places an order from the panel and follows it: events in the stream, dots on the graph, the trace's hops.
import { expect, test } from "@playwright/test";
import { graphNode, orderButton, registerShopper } from "./helpers";

test("placing an order shows its calls and queue events in the stream and its dots on the graph, then paid and emailed", async ({ page }) => {
  await page.goto("/");
  await registerShopper(page);
  const entry = page.locator('[data-edge="rest:client->api-gateway"]');
  const intoPayments = page.locator('[data-edge="publish:order-service->payment-inbox"]');
  await orderButton(page, "p-mouse").click();

  // Dots travel while the order is under way: on the shopper's call into the gateway and on the publish into payment's inbox.
  await expect.poll(async () => Number(await entry.getAttribute("data-dots")), { timeout: 5_000, intervals: [50] }).toBeGreaterThan(0);
  await expect.poll(async () => Number(await intoPayments.getAttribute("data-dots")), { timeout: 5_000, intervals: [50] }).toBeGreaterThan(0);

  // The stream draws only the rows in view; the filter brings the order's own events to the top.
  const stream = page.getByRole("table", { name: "events, newest first" });
  const service = page.getByRole("toolbar", { name: "event stream controls" }).getByLabel("service");
  await service.selectOption("client");
  await expect(stream.getByRole("row").filter({ hasText: "POST /api/orders" }).first()).toBeVisible();
  await expect(stream.getByRole("row").filter({ hasText: "order-service" })).toHaveCount(0);
  await service.selectOption("payment-inbox");
  await expect(stream.getByRole("row").filter({ hasText: "order-service → payment-inbox" }).filter({ hasText: "OrderCreated" }).first()).toBeVisible();

  const order = page.locator("[data-order]").first();
  await expect(order).toHaveAttribute("data-order-status", "paid");
  const orderId = await order.getAttribute("data-order");
  await expect(page.locator(`[data-notification="${orderId}"]`)).toBeVisible();
});

test("the trace view shows every hop of an order, from the click to the email, and lights its path on the graph", async ({ page }) => {
  await page.goto("/");
  await registerShopper(page);
  await orderButton(page, "p-keyboard").click();
  const order = page.locator("[data-order]").first();
  await expect(order).toHaveAttribute("data-order-status", "paid");
  await order.getByRole("button", { name: "trace" }).click();

  const waterfall = page.getByRole("list", { name: "hops of the trace, in the order they started" });
  await expect(waterfall).toContainText("client → api-gateway POST /api/orders 202");
  await expect(waterfall).toContainText("order-service → product-service POST /reservations");
  await expect(waterfall).toContainText("OrderCreated waits in payment-inbox");
  await expect(waterfall).toContainText("payment-service handles OrderCreated");
  await expect(waterfall).toContainText("EmailSent");
  await expect(waterfall.locator('[data-span-kind="http"]').first()).toBeVisible();
  await expect(waterfall.locator('[data-span-kind="queue-wait"]').first()).toBeVisible();
  // The database statements each service ran for the order, under the call or job that ran them.
  await expect(waterfall).toContainText("order-service INSERT orders");
  await expect(waterfall).toContainText("order-service INSERT outbox");
  await expect(waterfall).toContainText("product-service UPDATE products");
  await expect(waterfall).toContainText("payment-service INSERT charges");
  await expect(waterfall.locator('[data-span-kind="db"]').first()).toBeVisible();
  // The order's path is lit; a service it never touched is dimmed.
  await expect(page.locator('.react-flow__edge-path[id="publish:order-service->payment-inbox"]')).toHaveClass(/in-trace/);
  await expect(graphNode(page, "user-service")).toHaveClass(/dimmed/);
});

test("clicking a call in the event stream opens its trace", async ({ page }) => {
  await page.goto("/");
  await page.locator('[data-product="p-webcam"]').waitFor();
  await page.getByRole("button", { name: "reload" }).click();
  const row = page.getByRole("table", { name: "events, newest first" }).getByRole("row").filter({ hasText: "client → api-gateway" }).filter({ hasText: "GET /api/products" }).first();
  await row.click();
  await expect(page.getByRole("list", { name: "hops of the trace, in the order they started" })).toContainText("api-gateway → product-service GET /products");
});

test("an order sent again with its Idempotency-Key is given back, not made twice", async ({ page }) => {
  await page.goto("/");
  await registerShopper(page);
  await orderButton(page, "p-mouse").click();
  const message = page.locator('[data-shop-message="ok"]');
  await expect(message).toContainText("Order accepted (202)");
  const orderId = await page.locator("[data-order]").first().getAttribute("data-order");
  await message.getByRole("button", { name: "send it again" }).click();
  await expect(message).toContainText(`Sent again with the same Idempotency-Key (202): the shop gave back ${orderId}, no second order`);
  await expect(page.locator("[data-order]")).toHaveCount(1);
});
