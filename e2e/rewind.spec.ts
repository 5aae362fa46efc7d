// Rewind: payment-service killed and started again, then the timeline's mark of the kill shows the node down in the
// graph as it was, the end shows it back; the same run saved as a file and opened after a reload replays the same.
import { writeFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { AS_SCRIPT, graphNode, serviceFacts } from "./helpers";

const down = /^(crashed|stopped)$/;

test("rewinding to payment-service's kill shows it down; a saved run replays the same after a reload", async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  expect((await request.post("/api/services/payment-service/kill", { headers: AS_SCRIPT })).ok()).toBe(true);
  await expect.poll(async () => (await serviceFacts(request, "payment-service")).status, { timeout: 20_000 }).toMatch(down);
  expect((await request.post("/api/services/payment-service/start", { headers: AS_SCRIPT })).ok()).toBe(true);
  await expect.poll(async () => (await serviceFacts(request, "payment-service")).status, { timeout: 30_000 }).toBe("healthy");

  await page.goto("/");
  await page.getByRole("navigation", { name: "screens" }).getByRole("link", { name: "Rewind" }).click();
  await expect(page.locator("[data-replay]")).toHaveAttribute("data-replay", "server", { timeout: 30_000 });
  await expect(page.locator("[data-replay-source]")).toContainText("nothing here acts on the sandbox");
  const node = graphNode(page, "payment-service");
  const kill = page.getByRole("list", { name: "marks on the timeline" }).getByRole("button", { name: /payment-service (crashed|stopped)$/ }).last();
  await kill.click();
  await expect(node).toHaveAttribute("data-status", down);
  await expect(page.locator("[data-rewind-at]")).not.toContainText(" 0.0 s before the end");
  // One event at a time: the moment moves to the next recorded event and back.
  const moment = page.locator("[data-rewind-at]");
  const killedAt = Number(await moment.getAttribute("data-rewind-at"));
  await page.getByRole("button", { name: "next event" }).click();
  await expect.poll(async () => Number(await moment.getAttribute("data-rewind-at"))).toBeGreaterThan(killedAt);
  await page.getByRole("button", { name: "previous event" }).click();
  await expect.poll(async () => Number(await moment.getAttribute("data-rewind-at"))).toBeLessThanOrEqual(killedAt);
  // Played forward at 4×, payment-service comes back, and playing stops at the end of the recording.
  await kill.click();
  await page.getByLabel("speed").selectOption("4");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(node).toHaveAttribute("data-status", "healthy", { timeout: 60_000 });
  await expect(moment).toContainText(" 0.0 s before the end", { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Play" })).toBeDisabled();
  // Back to the kill, then End: the recording's last moment at once.
  await kill.click();
  await page.getByRole("button", { name: "End" }).click();
  await expect(node).toHaveAttribute("data-status", "healthy");
  await page.getByRole("slider", { name: "moment shown" }).focus();
  await page.keyboard.press("Home");
  await expect(page.locator("[data-rewind-at]")).not.toContainText(" 0.0 s before the end");

  // The same run as a file, opened after a reload: marked as a saved run, replaying the same moment.
  const saved = await request.get("/api/recording?seconds=600");
  expect(saved.ok()).toBe(true);
  const file = testInfo.outputPath("run.jsonl.gz");
  await writeFile(file, await saved.body());
  await page.reload();
  await expect(page.locator("[data-replay]")).toHaveAttribute("data-replay", "server", { timeout: 30_000 });
  await page.getByLabel("Open a saved run").setInputFiles(file);
  await expect(page.locator("[data-replay]")).toHaveAttribute("data-replay", "file");
  await expect(page.locator("[data-replay-source]")).toContainText("A replay of the saved run run.jsonl.gz");
  await kill.click();
  await expect(node).toHaveAttribute("data-status", down);

  // A file that is not a run is refused in words; the replay shown stays as it was.
  await page.getByLabel("Open a saved run").setInputFiles({ name: "notes.gz", mimeType: "application/gzip", buffer: Buffer.from("not a run") });
  await expect(page.locator("[data-rewind-message]")).toContainText("notes.gz: this is not a saved run");
  await expect(page.locator("[data-replay]")).toHaveAttribute("data-replay", "file");
  await expect(node).toHaveAttribute("data-status", down);

  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((violation) => violation.impact === "critical" || violation.impact === "serious");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((found) => found.target.join(" ")).join(", ")}`)).toEqual([]);
});
