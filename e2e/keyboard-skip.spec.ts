// By keyboard: the first Tab offers a skip link to the graph (and in a lesson to the step being done), and after an
// order focus comes back to the Order button pressed, so three orders are three presses of Enter.
import { expect, test } from "@playwright/test";
import { everythingHealthy, graphNode, orderButton, registerShopper } from "./helpers";

test("skip links lead to the graph's first box and to the lesson's step", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  await expect(graphNode(page, "api-gateway")).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("Tab");
  const toGraph = page.getByRole("link", { name: "Skip to the graph" });
  await expect(toGraph).toBeFocused();
  await expect(toGraph).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator(".react-flow__node").first()).toBeFocused();
  // From there Enter inspects the box, as for any box reached by Tab.
  await page.keyboard.press("Enter");
  await expect(page.locator(".right-panel [data-inspecting]")).toBeVisible();

  await page.goto("/tutorial/payment-outage");
  const panel = page.locator('.lesson-panel[data-lesson="payment-outage"]');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const toStep = page.getByRole("link", { name: "Skip to the lesson's step" });
  await expect(toStep).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.locator(".lesson-step h3")).toBeFocused();
});

test("after an order, focus is back on the Order button pressed: three orders by three presses of Enter", async ({ page, request }) => {
  test.setTimeout(90_000);
  await everythingHealthy(request);
  await page.goto("/");
  await registerShopper(page);
  const button = orderButton(page, "p-mouse");
  await button.focus();
  const orders = page.locator(".my-orders li[data-order]");
  const before = await orders.count();
  for (let placed = 1; placed <= 3; placed++) {
    await page.keyboard.press("Enter");
    await expect(orders).toHaveCount(before + placed);
    await expect(button).toBeFocused();
  }
});
