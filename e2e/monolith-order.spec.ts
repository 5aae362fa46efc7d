// An order placed in the monolith's shop: the same flow as in the microservices, drawn as in-process calls and
// in-memory events between the modules inside the monolith's box, ending paid.
import { expect, test } from "@playwright/test";
import { AS_SCRIPT, orderButton, registerShopper, useArchitecture } from "./helpers";

test.beforeAll(async ({ request }) => useArchitecture(request, "monolith"));
test.afterAll(async ({ request }) => useArchitecture(request, "microservices"));

test("an order in the monolith animates between its modules, and ends paid", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("[data-shop-stack]")).toHaveAttribute("data-shop-stack", "monolith");
  await registerShopper(page);
  const entry = page.locator('[data-edge="monolith/rest:client->api-gateway"]');
  const orderToProduct = page.locator('[data-edge="monolith/rest:order-service->product-service"]');
  const intoPayments = page.locator('[data-edge="monolith/publish:order-service->payment-inbox"]');
  await orderButton(page, "p-mouse").click();

  // The shopper's request enters the monolith over HTTP; inside, module calls travel as in-process dots, and
  // OrderCreated flows into payment's inbox on the in-process bus. Each dot lives 0.9 s (DOT_MS): the three are
  // watched at once, so a slow look at one (a busy machine) cannot let the next one pass unseen.
  await Promise.all([
    expect.poll(async () => Number(await entry.getAttribute("data-dots")), { timeout: 5_000, intervals: [50] }).toBeGreaterThan(0),
    expect.poll(async () => orderToProduct.locator(".dot-in-process").count(), { timeout: 5_000, intervals: [50] }).toBeGreaterThan(0),
    expect.poll(async () => Number(await intoPayments.getAttribute("data-dots")), { timeout: 5_000, intervals: [50] }).toBeGreaterThan(0),
  ]);

  const order = page.locator("[data-order]").first();
  await expect(order).toHaveAttribute("data-order-status", "paid");
  // The trace (followed from the answer's traceparent) shows the module calls as in-process hops.
  const waterfall = page.getByRole("list", { name: "hops of the trace, in the order they started" });
  await expect(waterfall).toContainText("order-service → product-service POST /reservations");
  await expect(waterfall).toContainText("(in-process)");
  await expect(waterfall).toContainText("OrderCreated waits in payment-inbox");
});

test("a refused order in the monolith can still be followed through its trace", async ({ page, request }) => {
  await page.goto("/");
  await registerShopper(page);
  // Faults on the order module only in the monolith: every order is answered with a 500.
  const created = await request.post("/api/faults", { data: { service: "order-service", type: "errors", rate: 1, stack: "monolith" } });
  expect(created.ok()).toBe(true);
  const { fault } = (await created.json()) as { fault: { id: string } };
  try {
    await expect(page.locator('.react-flow [data-module="order-service"] [data-fault-badge]')).toHaveText("✕ errors 100%");
    await orderButton(page, "p-mouse").click();
    const refusal = page.locator('[data-shop-message="error"]');
    await expect(refusal).toContainText("Order refused");
    await refusal.getByRole("button", { name: "follow its trace" }).click();
    await expect(page.locator(".inspector h2")).toContainText("Order refused");
    await expect(page.getByRole("list", { name: "hops of the trace, in the order they started" })).toContainText("api-gateway → order-service");
  } finally {
    await request.delete(`/api/faults/${fault.id}`, { headers: AS_SCRIPT });
  }
});
