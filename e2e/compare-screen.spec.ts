// The Compare screen: both stacks side by side under the same traffic, every figure measured and moving.
import { expect, test, type Page } from "@playwright/test";
import { AS_SCRIPT } from "./helpers";

test.setTimeout(150_000);

test.afterEach(async ({ request }) => {
  await request.delete("/api/traffic", { headers: AS_SCRIPT });
  await request.post("/api/sandbox/architecture", { data: { architecture: "microservices" } });
});

/** A figure in the table as a number: "12 ms" → 12, "50/s" → 50, "–" → NaN. */
async function figure(page: Page, stack: string, row: string): Promise<number> {
  const text = (await page.locator(`[data-compare="${stack}:${row}"]`).textContent()) ?? "";
  return Number.parseFloat(text.replace(/[^0-9.]/g, "") || "NaN");
}

const readings = async (page: Page) => ({
  microRps: await figure(page, "microservices", "rps"),
  monoRps: await figure(page, "monolith", "rps"),
  microP50: await figure(page, "microservices", "p50"),
  monoP50: await figure(page, "monolith", "p50"),
});

test("the Compare screen shows both stacks' figures moving under traffic", async ({ page }) => {
  await page.goto("/compare");
  await expect(page.getByRole("heading", { name: "Compare: monolith and microservices" })).toBeVisible();
  const runBoth = page.getByRole("button", { name: "Run both" });
  // The screen says whether both run once it has read the figures: wait for the table before deciding.
  await expect(page.locator('[data-compare="microservices:running"]')).toBeVisible();
  if (await runBoth.isVisible()) await runBoth.click();
  await expect(page.locator('[data-compare="monolith:running"]')).toHaveText("● up", { timeout: 90_000 });
  await expect(page.locator('[data-compare="microservices:running"]')).toHaveText("● up");
  await expect(page.getByRole("table", { name: /Measured now/ })).toBeVisible();

  await page.getByRole("button", { name: /Start traffic/ }).click();
  await expect(page.getByRole("button", { name: "Stop traffic" })).toBeVisible();

  // Both stacks' request rates and median latency are measured, not zero…
  await expect
    .poll(async () => {
      const now = await readings(page);
      return Object.values(now).every((value) => value > 0);
    }, { timeout: 30_000 })
    .toBe(true);
  // …drawn as lines on the charts…
  await expect(page.locator('[data-chart="Throughput"] path.stack-micro')).toHaveAttribute("d", /^M/);
  await expect(page.locator('[data-chart="Throughput"] path.stack-mono')).toHaveAttribute("d", /^M/);
  // …and they move from one second to the next.
  const first = await readings(page);
  await expect.poll(async () => JSON.stringify(await readings(page)) !== JSON.stringify(first), { timeout: 20_000 }).toBe(true);
  await expect(page.getByRole("region", { name: "What the numbers show" }).getByRole("listitem").first()).toBeVisible();

  await page.getByRole("button", { name: "Stop traffic" }).click();
  await expect(page.getByRole("button", { name: /Start traffic/ })).toBeVisible();
});
