// Breaking the shop from the left panel: a scenario in one click, and a fault by hand, both seen on the graph and in the state.
import { expect, test, type Page } from "@playwright/test";
import { AS_SCRIPT, everythingHealthy, openTab } from "./helpers";

test.setTimeout(150_000);

test.afterEach(async ({ request }) => {
  await request.post("/api/scenarios/stop", { headers: AS_SCRIPT });
  await request.delete("/api/faults", { headers: AS_SCRIPT });
  await request.delete("/api/traffic", { headers: AS_SCRIPT });
  await everythingHealthy(request);
});

/** payment-service's box on the microservices graph (a box may say which stack it belongs to). */
const paymentNode = (page: Page) => page.locator('.react-flow [data-service="payment-service"]:is([data-stack="microservices"], :not([data-stack]))').first();

async function waitingIn(page: Page, queue: string): Promise<number> {
  const text = (await page.locator(`.react-flow [data-queue="${queue}"]`).first().textContent()) ?? "";
  const match = /(\d+) waiting/.exec(text);
  return match ? Number(match[1]) : -1;
}

test("running a scenario from the screen shows its stated time, its live figure and effect, and a summary after", async ({ page }) => {
  await page.goto("/");
  await openTab(page, "Scenarios");
  const card = page.locator('[data-scenario="payment-outage"]');
  await expect(card).toContainText("Runs 40 s, then stops by itself");
  await page.getByRole("button", { name: "Start Payment outage" }).click();

  const progress = page.locator('[data-active-scenario="Payment outage"]');
  await expect(progress).toBeVisible({ timeout: 60_000 });
  await expect(progress).toContainText(/\d+ s of 40 s/);
  await expect(paymentNode(page)).toHaveAttribute("data-status", "stopped", { timeout: 30_000 });
  await expect(progress.getByRole("list")).toContainText("killed payment-service");
  // Orders are still accepted: they wait in payment-service's inbox, and the key figure counts them.
  await expect.poll(() => waitingIn(page, "payment-inbox"), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(progress.locator("[data-scenario-figure]")).toContainText(/[1-9]\d* orders accepted while payment-service is down · payment-inbox: \d+ waiting/);

  // On a slow machine its 40 s may be up before the click lands: then it has ended by itself, which is fine too.
  if (await progress.isVisible()) await page.getByRole("button", { name: "Stop scenario" }).click().catch(() => {});
  await expect(progress).toBeHidden({ timeout: 60_000 });
  const summary = page.locator('[data-scenario-summary="payment-outage"]');
  await expect(summary).toHaveAttribute("data-ended-by", /^(stop|time)$/);
  await expect(summary).toContainText(/stopped after \d+ s of 40|ran its 40 s/);
  await expect(summary).toContainText(/[1-9]\d* orders accepted while payment-service was down/);
  await expect(summary).toContainText("Everything it changed was put back.");
  await expect(paymentNode(page)).toHaveAttribute("data-status", "healthy", { timeout: 30_000 });

  // Once the inbox drains, the audit finds no order left pending and nothing wrong.
  await openTab(page, "Audit");
  const audit = page.locator('[data-audit-stack="microservices"]');
  await expect(audit).toHaveAttribute("data-pending", "0", { timeout: 60_000 });
  await expect(audit).toHaveAttribute("data-clean", "true");
  await expect(audit).toContainText("✓ consistent");
  // The tab chosen survives a reload.
  await page.reload();
  await expect(page.getByRole("tab", { name: "Audit" })).toHaveAttribute("aria-selected", "true");
});

test("a fault injected from the Break it tab is in force, and bad input gets a clear error", async ({ page, request }) => {
  await page.goto("/");
  await openTab(page, "Break it");
  const form = page.getByRole("form", { name: "Inject a fault" });
  await form.getByLabel("service").selectOption("product-service");
  await form.getByLabel("fault").selectOption("latency");
  await expect(form).toContainText("adds ms milliseconds to every request");

  // Out of range: refused on the spot, nothing sent.
  await form.getByLabel("ms").fill("20000");
  await form.getByRole("button", { name: "Inject fault" }).click();
  await expect(form.locator("#fault-ms-error")).toHaveText("latency needs whole milliseconds from 1 to 10000");
  expect(((await (await request.get("/api/faults")).json()) as { faults: unknown[] }).faults).toHaveLength(0);

  await form.getByLabel("ms").fill("300");
  await form.getByRole("button", { name: "Inject fault" }).click();
  const inForce = page.getByRole("list", { name: "Faults in force" });
  await expect(inForce).toContainText("product-service: +300 ms on every request");
  await expect
    .poll(async () => ((await (await request.get("/api/faults")).json()) as { faults: Array<{ service: string; type: string; ms?: number }> }).faults)
    .toEqual([expect.objectContaining({ service: "product-service", type: "latency", ms: 300 })]);

  // A refusal only the server can know: the sandbox holds at most 20 faults. Its own sentence is shown.
  const harmless = [
    ...["api-gateway", "auth-service", "user-service", "order-service", "payment-service", "notification-service"].flatMap((service) => [
      { service, type: "latency", ms: 1 },
      { service, type: "slow-consumer", ms: 1 },
      { service, type: "errors", rate: 0 },
    ]),
    { service: "product-service", type: "slow-consumer", ms: 1 },
  ];
  for (const fault of harmless) expect((await request.post("/api/faults", { data: fault })).status()).toBe(201);
  await form.getByLabel("fault").selectOption("cpu-hog");
  await form.getByLabel("ms").fill("5");
  await form.getByRole("button", { name: "Inject fault" }).click();
  await expect(form.getByRole("alert")).toHaveText("The sandbox refused: at most 20 faults can be in force: clear some first");

  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(inForce.getByRole("listitem")).toHaveCount(0);
  await expect(page.getByText("No fault: the shop runs as built.")).toBeVisible();
});
