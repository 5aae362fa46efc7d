// The course map and a lesson step, light and dark: axe-core finds nothing critical or serious, and the panel's
// buttons are reachable by keyboard.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { AS_SCRIPT } from "./helpers";

for (const colorScheme of ["light", "dark"] as const) {
  test(`the course map and a lesson step have no critical or serious accessibility problem (${colorScheme})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    await page.goto("/tutorial");
    await expect(page.locator("[data-lesson-card]").first()).toBeVisible();
    const serious = async (include: string) =>
      (await new AxeBuilder({ page }).include(include).analyze()).violations.filter((violation) => violation.impact === "critical" || violation.impact === "serious").map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(await serious(".course")).toEqual([]);
    // The Challenges tab, reached by keyboard (arrow keys move between the tabs), and as accessible.
    await page.getByRole("tab", { name: "Lessons" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "Challenges" })).toBeFocused();
    await expect(page.getByRole("tab", { name: "Challenges" })).toHaveAttribute("aria-selected", "true");
    await expect(page.locator("[data-challenge-card]").first()).toBeVisible();
    expect(await serious(".course")).toEqual([]);
    // A fresh run from the first step: a run left at a later step (the other colour's) would be joined, not restarted.
    expect((await page.request.post("/api/lessons/circuit-breaker/start", { headers: AS_SCRIPT, data: { step: "slow" } })).ok()).toBe(true);
    await page.goto("/tutorial/circuit-breaker/slow");
    const panel = page.locator('.lesson-panel[data-lesson="circuit-breaker"]');
    await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
    expect(await serious(".lesson-panel")).toEqual([]);
    const showMe = panel.getByRole("button", { name: "Show me" });
    await expect(showMe).toBeEnabled({ timeout: 60_000 });
    await showMe.focus();
    await page.keyboard.press("Enter");
    await expect(panel.locator('[data-step-id="slow"]')).toHaveAttribute("data-status", "done", { timeout: 60_000 });
    // The next step asks for a prediction first: its choices, and then the locked answer, are as accessible.
    await expect(panel.getByRole("group", { name: /Predict first/ })).toBeVisible();
    expect(await serious(".lesson-panel")).toEqual([]);
    await panel.getByLabel("A few milliseconds: it fails at once").check();
    await panel.getByRole("button", { name: "Lock my prediction" }).press("Enter");
    await expect(panel.locator("[data-prediction-locked]")).toBeVisible();
    expect(await serious(".lesson-panel")).toEqual([]);
    // A diagnosis challenge's board: the goal, the count and the form that names the culprit.
    await page.goto("/tutorial/who-broke-the-shop/name");
    const board = page.locator('.lesson-panel[data-lesson="who-broke-the-shop"]');
    await expect(board.getByRole("form", { name: "name the culprit" })).toBeVisible({ timeout: 60_000 });
    expect(await serious(".lesson-panel")).toEqual([]);
    expect((await page.request.delete("/api/traffic", { headers: AS_SCRIPT })).ok()).toBe(true);
  });
}
