// The lesson screen at 1280×800: Back, Hint and Show me on screen without scrolling, the ring's label clear of the bar
// and the lesson's title, the ring in its own colour, nothing of one lesson's trace left lit in the next, and each
// browser offered its own email to register with.
import { expect, test, type Page } from "@playwright/test";
import { everythingHealthy, orderButton, registerShopper } from "./helpers";

const overlap = (a: DOMRect | null, b: DOMRect | null) => a !== null && b !== null && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function rect(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);
}

test("Back, Hint and Show me are on screen, the ring's label covers no title, the ring is not the trace's colour", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/tutorial/payment-outage");
  const panel = page.locator('.lesson-panel[data-lesson="payment-outage"]');
  await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  for (const name of ["Back", "Hint", "Show me"]) await expect(panel.getByRole("button", { name, exact: true })).toBeInViewport({ ratio: 1 });
  const label = page.locator(".lesson-pointer-label");
  await expect(label).toBeVisible();
  const labelBox = await rect(page, ".lesson-pointer-label");
  expect(overlap(labelBox, await rect(page, ".topbar h1")), "the label over the page's title").toBe(false);
  expect(overlap(labelBox, await rect(page, "#lesson-title")), "the label over the lesson's title").toBe(false);
  const colours = await page.evaluate(() => ({
    ring: getComputedStyle(document.querySelector(".lesson-pointer")!).borderTopColor,
    trace: (() => {
      const probe = document.createElement("span");
      probe.style.color = "var(--trace)";
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    })(),
  }));
  expect(colours.ring).not.toBe(colours.trace);
});

test("an order's trace lit in one lesson is not lit in the next", async ({ page, request }) => {
  test.setTimeout(120_000);
  await everythingHealthy(request);
  await page.goto("/tutorial/payment-outage");
  await expect(page.locator('.lesson-panel[data-lesson="payment-outage"]')).toBeVisible({ timeout: 30_000 });
  await registerShopper(page);
  await orderButton(page, "p-mouse").click();
  await expect(page.locator(".graph .in-trace").first()).toBeVisible({ timeout: 30_000 });
  // To the next lesson without reloading the page, as a learner goes: the course map, then another lesson.
  await page.locator(".lesson-crumb").getByRole("link", { name: "Guided lessons" }).click();
  const other = page.locator('[data-lesson-card]:not([data-lesson-card="payment-outage"]) a').first();
  await other.click();
  await expect(page.locator(".lesson-panel:not([data-lesson=\"payment-outage\"])")).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".react-flow__node").first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(".graph .in-trace")).toHaveCount(0);
  await expect(page.locator(".right-panel .trace-inspector")).toHaveCount(0);
});

test("two learners sharing the sandbox are offered two different emails, each kept for its browser", async ({ browser }) => {
  const offered = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/");
    const email = page.getByRole("form", { name: "register or log in" }).getByLabel("email");
    await expect(email).toHaveValue(/^shopper-[0-9a-z]{6}@example\.com$/);
    const first = await email.inputValue();
    await page.reload();
    await expect(email).toHaveValue(first);
    await context.close();
    return first;
  };
  expect(await offered()).not.toBe(await offered());
});
