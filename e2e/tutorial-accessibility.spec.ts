// The course map and a lesson step, light and dark: axe-core finds nothing critical or serious, and the panel's
// buttons are reachable by keyboard.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

for (const colorScheme of ["light", "dark"] as const) {
  test(`the course map and a lesson step have no critical or serious accessibility problem (${colorScheme})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    await page.goto("/tutorial");
    await expect(page.locator("[data-lesson-card]").first()).toBeVisible();
    const serious = async (include: string) =>
      (await new AxeBuilder({ page }).include(include).analyze()).violations.filter((violation) => violation.impact === "critical" || violation.impact === "serious").map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(await serious(".course")).toEqual([]);
    await page.goto("/tutorial/circuit-breaker/breaker-on");
    const panel = page.locator('.lesson-panel[data-lesson="circuit-breaker"]');
    await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
    expect(await serious(".lesson-panel")).toEqual([]);
    const showMe = panel.getByRole("button", { name: "Show me" });
    await expect(showMe).toBeEnabled({ timeout: 60_000 });
    await showMe.focus();
    await page.keyboard.press("Enter");
    await expect(panel.locator('[data-step-id="breaker-on"]')).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  });
}
