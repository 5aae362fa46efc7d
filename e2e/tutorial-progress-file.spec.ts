// Progress as a file: exported from the course map after a real step, imported back into an empty browser; a file
// that is not progress is refused in words and changes nothing.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

test("progress is exported as a file and imported back; a bad file changes nothing", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto("/tutorial/circuit-breaker/slow");
  const panel = page.locator('.lesson-panel[data-lesson="circuit-breaker"]');
  await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  await panel.getByRole("button", { name: "Show me" }).click();
  await expect(panel.locator('[data-step-id="slow"]')).toHaveAttribute("data-status", "done", { timeout: 30_000 });

  await page.goto("/tutorial");
  const card = page.locator('[data-lesson-card="circuit-breaker"]');
  await expect(card).toContainText("1 of 3 steps done");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export progress" }).click()]);
  const file = testInfo.outputPath("progress.json");
  await download.saveAs(file);
  expect(JSON.parse(await readFile(file, "utf8")).lessons["circuit-breaker"].done).toContain("slow");

  // Another browser, or this one wiped: nothing done, until the file comes back.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(card).not.toContainText("1 of 3 steps done");
  const picker = page.getByLabel("Import progress");
  await picker.setInputFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "Progress imported from progress.json." })).toBeVisible();
  await expect(card).toContainText("1 of 3 steps done");

  await picker.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"lessons": "all done"}') });
  await expect(page.getByRole("status").filter({ hasText: "notes.json is not a lesson progress file: nothing changed." })).toBeVisible();
  await expect(card).toContainText("1 of 3 steps done");
  await page.reload();
  await expect(card).toContainText("1 of 3 steps done");
});
