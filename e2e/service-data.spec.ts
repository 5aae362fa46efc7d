// A service's own database, seen from the page: order-service's Data tab, left open, shows a new order's row by itself.
// How soon is not asserted: on a loaded machine the page's own rendering can lag a second behind the read. (The
// order's database spans are checked with the rest of its trace in shopper-order.spec.ts.)
import { expect, test } from "@playwright/test";
import { inspect, useArchitecture } from "./helpers";

const SHOP = "/storefront/microservices/api";

test.beforeEach(async ({ request }) => {
  await useArchitecture(request, "microservices");
});

test("order-service's Data tab, left open, shows a new order's row and its outbox entry by itself", async ({ page, request }) => {
  // A shopper elsewhere (a script at the storefront): the page keeps order-service's inspector open meanwhile.
  const email = `data-tab-${Date.now()}@example.com`;
  expect((await request.post(`${SHOP}/auth/register`, { data: { email, password: "correct horse battery", name: "Data" } })).ok()).toBe(true);
  const { token } = (await (await request.post(`${SHOP}/auth/login`, { data: { email, password: "correct horse battery" } })).json()) as { token: string };

  await page.goto("/");
  const inspector = await inspect(page, "order-service");
  const data = inspector.locator('[data-service-data="order-service"]');
  await data.locator("summary").click();
  await expect(data.locator('[data-table="orders"]')).toBeVisible();
  await expect(data.locator("summary")).toContainText("order-service.sqlite");

  const placed = await request.post(`${SHOP}/orders`, { data: { items: [{ productId: "p-mouse", quantity: 1 }] }, headers: { authorization: `Bearer ${token}` } });
  expect(placed.status()).toBe(202);
  const orderId = ((await placed.json()) as { order: { id: string } }).order.id;
  // With no reload and no reopening: its row, and its OrderCreated in the outbox (sent or still waiting).
  await expect(data.locator('[data-table="orders"]').getByRole("cell", { name: orderId, exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(data.locator('[data-table="outbox"]').getByRole("cell", { name: orderId, exact: true })).toBeVisible({ timeout: 10_000 });
  // Read-only: the tab offers nothing that could change a row.
  await expect(data.getByRole("button")).toHaveCount(0);
  await expect(data.getByRole("textbox")).toHaveCount(0);
});
