// The event stream a person can follow: under generated traffic their own order and its queue events stay in view, the
// generator's calls fold into counting rows, and "Follow in the stream" narrows it to one service.
import { expect, test, type Page } from "@playwright/test";
import { AS_SCRIPT, inspect, orderButton, registerShopper, useArchitecture } from "./helpers";

test.beforeAll(async ({ request }) => useArchitecture(request, "microservices"));
test.afterEach(async ({ request }) => {
  await request.delete("/api/traffic", { headers: AS_SCRIPT });
});

const stream = (page: Page) => page.getByRole("table", { name: "events, newest first" });
const controls = (page: Page) => page.getByRole("toolbar", { name: "event stream controls" });

/** Every row of the (paused) stream, read by scrolling through it as a person would: the list draws only what is in view. */
async function allRows(page: Page): Promise<Array<{ text: string; origin: string | null; type: string | null }>> {
  return stream(page).evaluate(async (viewport) => {
    const seen = new Map<string, { text: string; origin: string | null; type: string | null }>();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let top = 0; ; top += Math.max(20, viewport.clientHeight / 2)) {
      viewport.scrollTop = top;
      await frame();
      for (const row of viewport.querySelectorAll<HTMLElement>("[role=row][data-seq]")) {
        seen.set(`${row.dataset.type}-${row.dataset.seq}`, { text: row.textContent ?? "", origin: row.dataset.origin ?? null, type: row.dataset.type ?? null });
      }
      if (top >= viewport.scrollHeight) break;
    }
    viewport.scrollTop = 0;
    return [...seen.values()];
  });
}

async function showOnlyKinds(page: Page, kinds: string[]) {
  const menu = controls(page).locator(".kinds-menu");
  await menu.locator("summary").click();
  for (const kind of ["http", "queue", "lifecycle", "log", "circuit"]) await menu.getByLabel(kind, { exact: true }).setChecked(kinds.includes(kind));
  await menu.locator("summary").click();
}

test("at 20 requests/s of generated traffic, my order and its queue events stay visible and the folded count is shown", async ({ page, request }) => {
  test.setTimeout(240_000);
  await page.goto("/");
  await registerShopper(page);
  expect((await request.post("/api/traffic", { data: { rps: 20 } })).ok()).toBe(true);
  // The generator's calls arrive folded: a counting row and a count in the stream's head.
  await expect(stream(page).locator('[data-type="fold"]').first()).toContainText(/\+\d+ generated (requests|events)/, { timeout: 30_000 });
  await expect.poll(async () => Number(await controls(page).getByTestId("folded-count").textContent()), { timeout: 30_000 }).toBeGreaterThan(50);

  await orderButton(page, "p-mouse").click();
  await expect(page.locator('[data-shop-message="ok"]')).toContainText("Order accepted (202)");
  // The message follows the order to its end: paid, not "pending" for ever.
  await expect(page.locator("[data-order-now]")).toHaveAttribute("data-order-now", "paid", { timeout: 30_000 });
  await expect(page.locator(".my-notifications")).toContainText("Your order is paid");

  // Queue events only, paused: every row left is one of mine; the generator's jobs are folded around them.
  await showOnlyKinds(page, ["queue"]);
  await controls(page).getByRole("button", { name: /Pause/ }).click();
  const queueRows = await allRows(page);
  const mine = queueRows.filter((row) => row.type === "queue");
  expect(mine.every((row) => row.origin === "person")).toBe(true);
  for (const job of ["OrderCreated", "PaymentSucceeded", "EmailSent"]) expect(mine.some((row) => row.text.includes(job)), `${job} is in the stream`).toBe(true);
  expect(queueRows.some((row) => row.type === "fold")).toBe(true);

  // Calls only: my own requests are rows of their own among the folds.
  await showOnlyKinds(page, ["http"]);
  const rows = await allRows(page);
  expect(rows.some((row) => row.type === "http" && row.origin === "person" && row.text.includes("POST /api/orders"))).toBe(true);
  expect(rows.filter((row) => row.type === "http").every((row) => row.origin === "person")).toBe(true);
  await controls(page).getByRole("button", { name: /Resume/ }).click();

  // Unfolded, the generator's calls and its orders' queue jobs are there one by one, each marked as generated.
  // One click, then wait for it: on a busy machine a retried uncheck can toggle it back before the page has drawn.
  await controls(page).getByLabel("fold generated traffic").click();
  await expect(controls(page).getByLabel("fold generated traffic")).not.toBeChecked();
  await expect(stream(page).locator('[data-origin="traffic"][data-type="http"]').first()).toBeVisible();
  await expect(stream(page).locator('[data-type="fold"]')).toHaveCount(0);
  await showOnlyKinds(page, ["queue"]);
  await expect(stream(page).locator('[data-origin="traffic"][data-type="queue"]').first()).toBeVisible({ timeout: 30_000 });
});

test("Follow in the stream, from a box on the graph, shows only that service's events and says which stack each row is", async ({ page, request }) => {
  expect((await request.post("/api/traffic", { data: { rps: 5 } })).ok()).toBe(true);
  await page.goto("/");
  const inspector = await inspect(page, "product-service");
  const follow = inspector.getByRole("button", { name: /Follow in the stream/ });
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect(controls(page).getByLabel("service")).toHaveValue("product-service");
  await expect(controls(page).getByLabel("stack")).toHaveValue("microservices");
  // One click, then wait for it: on a busy machine a retried uncheck can toggle it back before the page has drawn.
  await controls(page).getByLabel("fold generated traffic").click();
  await expect(controls(page).getByLabel("fold generated traffic")).not.toBeChecked();
  const rows = stream(page).locator("[role=row][data-seq]");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain("product-service");
  for (const stack of await rows.evaluateAll((all) => all.map((row) => row.getAttribute("data-stack")))) expect(stack).toBe("microservices");
  await expect(rows.first().getByRole("cell").nth(1)).toHaveText("microservices");
  await follow.click();
  await expect(controls(page).getByLabel("service")).toHaveValue("");
});
