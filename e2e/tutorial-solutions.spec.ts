// Every lesson can be finished: each is run to the end by its own solutions ("Show me") in Chromium against the
// real app; every step ticks by itself and the result card shows numbers measured in this run.
import { expect, test } from "@playwright/test";
import type { LessonRun } from "../lib/contract/lessons";
import { challenges, lessons } from "../lib/lessons/lessons";
import { AS_SCRIPT } from "./helpers";

test.describe.configure({ mode: "serial" });

for (const lesson of lessons()) {
  test(`lesson “${lesson.title}” runs to the end by its own solutions`, async ({ page }) => {
    // Generous: on a loaded 2-core machine one lesson has taken over a minute.
    test.setTimeout(360_000);
    await page.goto(`/tutorial/${lesson.id}/${lesson.steps[0].id}`);
    const panel = page.locator(`.lesson-panel[data-lesson="${lesson.id}"]`);
    for (const step of lesson.steps) {
      const mark = panel.locator(`[data-step-id="${step.id}"]`);
      // A step that watches the previous one's effect may tick by itself before it is asked.
      await expect(mark).toHaveAttribute("data-status", /^(active|done)$/, { timeout: 60_000 });
      if ((await mark.getAttribute("data-status")) === "active" && step.predict) {
        // Predict first: the expected answer, locked, so the verdict below can say "right" only if the run bore it out.
        await panel.getByRole("radio", { name: step.predict.choices.find((choice) => choice.id === step.predict!.expected)!.label, exact: true }).check();
        await panel.getByRole("button", { name: "Lock my prediction" }).click();
        // Locked: the card says so, unless the step's measurement already held and the panel moved on to the next
        // step at once (the verdict below then still needs the prediction the server recorded).
        await expect(panel.locator(`[data-prediction-locked], [data-step-id="${step.id}"][data-status="done"]`).first()).toBeVisible();
      }
      if ((await mark.getAttribute("data-status")) === "active") {
        await panel.getByRole("button", { name: "Show me" }).click({ timeout: 60_000 }).catch(async (error: unknown) => {
          if ((await mark.getAttribute("data-status")) !== "done") throw error;
        });
      }
      await expect(mark).toHaveAttribute("data-status", "done", { timeout: 90_000 }).catch(async (error: unknown) => {
        // What the server's checks said at the end: the reason a step stayed open, in the failure itself.
        const { run } = (await (await page.request.get("/api/lessons/run", { headers: AS_SCRIPT })).json()) as { run: LessonRun | null };
        throw new Error(`${step.id} stayed open: ${JSON.stringify(run?.steps.find((candidate) => candidate.id === step.id) ?? run)}\n${String(error)}`);
      });
      if (step.predict) {
        // The verdict the server gave: right, because this run measured what the expected answer says.
        const { run } = (await (await page.request.get("/api/lessons/run", { headers: AS_SCRIPT })).json()) as { run: LessonRun };
        expect(run.steps.find((candidate) => candidate.id === step.id)?.verdict, step.id).toMatchObject({ correct: true });
      }
    }
    const card = panel.locator("[data-result-card]");
    await expect(card).toBeVisible();
    const lines = await card.locator("li").allInnerTexts();
    expect(lines).toHaveLength(lesson.result.length);
    // Every placeholder of every line was filled with a figure measured in this run ("?" marks one not measured).
    lesson.result.forEach((template, index) => {
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "(.+?)")}$`);
      const filled = pattern.exec(lines[index]);
      expect(filled, `${lines[index]} against ${template}`).not.toBeNull();
      for (const value of filled!.slice(1)) expect(value).not.toBe("?");
    });
  });
}

for (const challenge of challenges()) {
  test(`challenge “${challenge.title}” is reached by its own solution, with its count on the result`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(`/tutorial/${challenge.id}/${challenge.steps[0].id}`);
    const panel = page.locator(`.lesson-panel[data-lesson="${challenge.id}"]`);
    await expect(panel.locator("[data-challenge-goal]")).toContainText(challenge.challenge!.goal);
    for (const step of challenge.steps) {
      const mark = panel.locator(`[data-step-id="${step.id}"]`);
      await expect(mark).toHaveAttribute("data-status", /^(active|done)$/, { timeout: 60_000 });
      if ((await mark.getAttribute("data-status")) === "active") {
        await panel.getByRole("button", { name: "Give up: show me" }).click({ timeout: 60_000 }).catch(async (error: unknown) => {
          if ((await mark.getAttribute("data-status")) !== "done") throw error;
        });
      }
      await expect(mark).toHaveAttribute("data-status", "done", { timeout: 120_000 }).catch(async (error: unknown) => {
        const { run } = (await (await page.request.get("/api/lessons/run", { headers: AS_SCRIPT })).json()) as { run: LessonRun | null };
        throw new Error(`${step.id} stayed open: ${JSON.stringify(run?.steps.find((candidate) => candidate.id === step.id) ?? run)}\n${String(error)}`);
      });
    }
    const card = panel.locator("[data-result-card]");
    await expect(card).toBeVisible();
    for (const line of await card.locator("li").allInnerTexts()) expect(line).not.toContain("?");
    await expect(panel.locator(".challenge-count")).toHaveAttribute("data-challenge-par", String(challenge.challenge!.par));
  });
}
