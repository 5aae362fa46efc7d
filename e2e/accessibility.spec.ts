// Everyone can use the screens: axe-core finds nothing critical or serious in light or dark, focus lands somewhere
// sensible after each action, and the architecture switch changes what runs only when asked deliberately.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { AS_SCRIPT, action, everythingHealthy, graphNode, inspect, orderButton, registerShopper, useArchitecture } from "./helpers";

test.beforeAll(async ({ request }) => useArchitecture(request, "microservices"));
test.afterEach(async ({ request }) => {
  await request.delete("/api/traffic", { headers: AS_SCRIPT });
});

/** The findings that block someone: impact critical or serious, each with where it was found. */
async function blockingFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.impact} ${violation.id}: ${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(0, 2).join(" ")}`));
}

const isBody = (page: Page) => page.evaluate(() => document.activeElement === null || document.activeElement === document.body);

for (const scheme of ["light", "dark"] as const) {
  test(`the Sandbox screen, with a service inspected and the stream running, has no critical or serious finding (${scheme})`, async ({ page, request }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: scheme });
    expect((await request.post("/api/traffic", { data: { rps: 5 } })).ok()).toBe(true);
    await page.goto("/");
    await inspect(page, "payment-service");
    const stream = page.getByRole("table", { name: "events, newest first" });
    await expect(stream.locator("[role=row][data-seq]").nth(3)).toBeVisible();
    await expect(stream.locator('[data-type="fold"]').first()).toBeVisible();
    // Held still for the scan: axe reads the whole page, which a live stream and moving dots keep changing under it.
    await request.delete("/api/traffic", { headers: AS_SCRIPT });
    await page.getByRole("toolbar", { name: "event stream controls" }).getByRole("button", { name: /Pause/ }).click();
    expect(await blockingFindings(page)).toEqual([]);
  });

  test(`the Compare screen has no critical or serious finding (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/compare");
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    expect(await blockingFindings(page)).toEqual([]);
  });
}

test("focus stays on the page after kill and start from the inspector", async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  const inspector = await inspect(page, "notification-service");
  await action(inspector, "Kill").click();
  await expect(graphNode(page, "notification-service")).toHaveAttribute("data-status", "stopped");
  await expect(inspector.locator("[data-action-outcome]")).toHaveAttribute("data-action-outcome", "done");
  expect(await isBody(page)).toBe(false);
  await expect(inspector.locator("[data-action-outcome]")).toBeFocused();
  await action(inspector, "Start").click();
  await expect(graphNode(page, "notification-service")).toHaveAttribute("data-status", "healthy", { timeout: 30_000 });
  await expect(inspector.locator("[data-action-outcome]")).toHaveAttribute("data-action-outcome", "done");
  expect(await isBody(page)).toBe(false);
  await everythingHealthy(request);
});

test("focus lands on the shop's message after register, and back on the Order button after an order, whose outcome is read out", async ({ page }) => {
  await page.goto("/");
  await registerShopper(page);
  await expect(page.locator("#shop-message")).toBeFocused();
  await orderButton(page, "p-mouse").click();
  await expect(page.locator('[data-shop-message="ok"]')).toContainText("Order accepted");
  await expect(orderButton(page, "p-mouse")).toBeFocused();
  await expect(page.locator("#shop-message")).toHaveAttribute("aria-live", "polite");
  expect(await isBody(page)).toBe(false);
});

test("focus lands on Stop scenario after starting a scenario", async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  await page.getByRole("tab", { name: "Scenarios" }).click();
  await page.getByRole("button", { name: "Start Payment outage" }).click();
  await expect(page.getByRole("button", { name: "Stop scenario" })).toBeFocused({ timeout: 30_000 });
  await page.getByRole("button", { name: "Stop scenario" }).click();
  await expect(page.locator("[data-active-scenario]")).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(() => isBody(page)).toBe(false);
  await request.post("/api/scenarios/stop", { headers: AS_SCRIPT });
  await everythingHealthy(request);
});

test("arrow keys move along the architecture switch without switching; Enter applies the choice", async ({ page, request }) => {
  test.setTimeout(120_000);
  const architecture = async () => ((await (await request.get("/api/sandbox")).json()) as { architecture: string; transition: unknown }).architecture;
  await page.goto("/");
  const choice = (name: string) => page.getByRole("group", { name: "Architecture" }).getByRole("button", { name, exact: true });
  await expect(choice("Microservices")).toHaveAttribute("aria-pressed", "true");
  await choice("Microservices").focus();
  await page.keyboard.press("ArrowRight");
  await expect(choice("Monolith")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(choice("Both")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(choice("Monolith")).toBeFocused();
  // Nothing was asked of the sandbox: the running architecture and the switch's state are as they were.
  await expect(choice("Microservices")).toHaveAttribute("aria-pressed", "true");
  await expect(choice("Monolith")).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator(".switch-progress")).toHaveText("");
  expect(await architecture()).toBe("microservices");
  await page.keyboard.press("Enter");
  await expect.poll(architecture, { timeout: 60_000 }).toBe("monolith");
  await expect(choice("Monolith")).toHaveAttribute("aria-pressed", "true");
  // The switch is done when the sandbox says no transition is under way; the progress line empties with it.
  await expect.poll(async () => ((await (await request.get("/api/sandbox")).json()) as { transition: unknown }).transition, { timeout: 60_000 }).toBeNull();
  await expect(page.locator(".switch-progress")).toHaveText("");
  expect(await isBody(page)).toBe(false);
  await useArchitecture(request, "microservices");
});
