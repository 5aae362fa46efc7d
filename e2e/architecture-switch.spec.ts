// Switching what runs from the top bar: the graph redraws as microservices, as one monolith box holding its modules,
// or both (one drawn at a time, the other summarised) — and back.
import { expect, test, type Page } from "@playwright/test";
import { SHOP_SERVICE_IDS } from "../lib/contract/services";
import { graphNode, moduleNode, useArchitecture } from "./helpers";

test.afterAll(async ({ request }) => useArchitecture(request, "microservices"));

const switchTo = (page: Page, name: "Microservices" | "Monolith" | "Both") =>
  page.getByRole("group", { name: "Architecture" }).getByRole("button", { name, exact: true });

test("switching architectures from the screen redraws the graph", async ({ page, request }) => {
  test.setTimeout(120_000);
  await useArchitecture(request, "microservices");
  await page.goto("/");
  await expect(graphNode(page, "api-gateway")).toHaveAttribute("data-status", "healthy");
  await expect(switchTo(page, "Microservices")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".react-flow [data-service='monolith']")).toHaveCount(0);

  // From the keyboard: arrow keys move between the choices, Enter applies the one in focus.
  await switchTo(page, "Microservices").focus();
  await page.keyboard.press("ArrowRight");
  await expect(switchTo(page, "Monolith")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(switchTo(page, "Monolith")).toHaveAttribute("aria-pressed", "true");
  const monolith = graphNode(page, "monolith");
  await expect(monolith).toHaveAttribute("data-status", "healthy", { timeout: 60_000 });
  await expect(monolith).toContainText("one process");
  await expect(monolith).toContainText("one database for all modules");
  for (const id of SHOP_SERVICE_IDS) await expect(moduleNode(page, id)).toHaveAttribute("data-status", "healthy");
  await expect(page.locator(".react-flow [data-stack='monolith'][data-inbox]")).toHaveCount(4);
  await expect(page.locator(".react-flow [data-stack='microservices']")).toHaveCount(0);
  await expect(page.locator(".legend")).toContainText("in-process call");

  await switchTo(page, "Both").click();
  await expect(graphNode(page, "api-gateway")).toHaveAttribute("data-status", "healthy", { timeout: 60_000 });
  await expect(graphNode(page, "redis")).toHaveAttribute("data-status", "healthy");
  await expect(page.locator("[data-stack-label='microservices']")).toContainText("Microservices");
  await expect(page.locator("[data-stack-label='monolith']")).toContainText("Monolith");
  // One stack is drawn at a time, at a readable size; the bar above the graph draws the other.
  await page.locator(".stack-bar [data-stack-label='monolith']").click();
  await expect(monolith).toHaveAttribute("data-status", "healthy");
  await expect(moduleNode(page, "api-gateway")).toBeVisible();
  // The shopper chooses which shop to use once both run.
  await expect(page.getByRole("group", { name: "Shop at" })).toBeVisible();

  await switchTo(page, "Microservices").click();
  await expect(monolith).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator(".react-flow [data-stack='monolith']")).toHaveCount(0);
  for (const id of ["redis", ...SHOP_SERVICE_IDS]) await expect(graphNode(page, id)).toHaveAttribute("data-status", "healthy");
  await expect(page.getByRole("group", { name: "Shop at" })).toHaveCount(0);
});

test("when the monolith is killed, every module on the graph is down with it", async ({ page, request }) => {
  test.setTimeout(90_000);
  await useArchitecture(request, "monolith");
  await page.goto("/");
  await expect(graphNode(page, "monolith")).toHaveAttribute("data-status", "healthy");
  await moduleNode(page, "order-service").click();
  // A module's inspector explains it has no process of its own and offers the monolith's controls.
  const inspector = page.locator('[data-service-inspector="monolith"][data-module-inspector="order-service"]');
  await expect(inspector).toContainText("no process of its own");
  await inspector.getByRole("button", { name: "Kill", exact: true }).click();
  await expect(graphNode(page, "monolith")).toHaveAttribute("data-status", "stopped");
  for (const id of SHOP_SERVICE_IDS) await expect(moduleNode(page, id)).toHaveAttribute("data-status", "stopped");
  await inspector.getByRole("button", { name: "Start", exact: true }).click();
  for (const id of SHOP_SERVICE_IDS) await expect(moduleNode(page, id)).toHaveAttribute("data-status", "healthy", { timeout: 30_000 });
});
