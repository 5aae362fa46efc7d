// One truth on every screen: for a killed monolith under traffic, and for a moment rewound to that kill, every figure
// the screens show (Compare's table, charts and reading, the stack chip, the box, the Traffic panel, the timeline's
// marks) agrees with the others and with /api/metrics.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { Metrics, TrafficView } from "../lib/contract/control";
import { AS_SCRIPT, graphNode, useArchitecture } from "./helpers";

test.setTimeout(180_000);

test.afterEach(async ({ request }) => {
  await request.delete("/api/traffic", { headers: AS_SCRIPT });
  const monolith = ((await (await request.get("/api/sandbox")).json()) as { services: { id: string; status: string }[] }).services.find((service) => service.id === "monolith");
  if (monolith && (monolith.status === "stopped" || monolith.status === "crashed")) await request.post("/api/services/monolith/start", { headers: AS_SCRIPT });
  await request.post("/api/sandbox/architecture", { data: { architecture: "microservices" } });
});

const monolithMetrics = async (request: APIRequestContext) => ((await (await request.get("/api/metrics")).json()) as Metrics).stacks.find((stack) => stack.stack === "monolith")!;
const cell = (page: Page, stack: string, row: string) => page.locator(`[data-compare="${stack}:${row}"]`);
const number = (text: string | null) => Number.parseFloat((text ?? "").replace(/[^0-9.]/g, "") || "NaN");

/** Both stacks under the same traffic, then the monolith killed; resolves once its shoppers' window holds only the time since. */
async function killMonolithUnderTraffic(request: APIRequestContext): Promise<number> {
  await useArchitecture(request, "both");
  expect((await request.post("/api/traffic", { data: { rps: 20, durationS: 90 } })).ok()).toBe(true);
  await expect.poll(async () => (await monolithMetrics(request)).shoppers.answeredRps, { timeout: 30_000 }).toBeGreaterThan(0);
  const killedAt = Date.now();
  expect((await request.post("/api/services/monolith/kill", { headers: AS_SCRIPT })).ok()).toBe(true);
  return killedAt;
}

test("a killed monolith under traffic: Compare, the stack chip, the box and /api/metrics say the same", async ({ page, request }) => {
  await killMonolithUnderTraffic(request);
  // Once the answers from before the kill have left the 5 s window: nothing answered, everything sent failed.
  // The error rate's window and the throughput's are read apart: wait until both hold only the time since the kill.
  await expect.poll(async () => {
    const figures = await monolithMetrics(request);
    return figures.shoppers.answeredRps === 0 && figures.errorRate === 1;
  }, { timeout: 20_000 }).toBe(true);
  const metrics = await monolithMetrics(request);
  expect(metrics).toMatchObject({ up: false, rps: 0, p50Ms: null, p95Ms: null, errorRate: 1, processView: { rps: 0, p50Ms: null, p95Ms: null, errorRate: 0 } });
  expect(metrics.shoppers.rps).toBeGreaterThan(5);

  await page.goto("/compare");
  await expect(cell(page, "monolith", "running")).toContainText("down");
  // Throughput is what was answered: none; requests sent are labelled so, and near what /api/metrics gave.
  await expect(cell(page, "monolith", "throughput")).toHaveText("0.0/s");
  await expect.poll(async () => number(await cell(page, "monolith", "rps").textContent())).toBeGreaterThan(metrics.shoppers.rps / 2);
  await expect(page.getByRole("rowheader", { name: /Requests sent/ })).toBeVisible();
  await expect(cell(page, "monolith", "p50")).toHaveText("–");
  await expect(cell(page, "monolith", "own-timing")).toHaveText("✕ dead: it times nothing");
  // The charts: the dead stack's throughput is 0 under the live one's, its latency says down, not a number.
  await expect(page.locator('[data-chart="Throughput"] [data-latest="monolith"]')).toHaveText(/^mono 0\.0\/s \(down\)$/);
  expect(number(await page.locator('[data-chart="Throughput"] [data-latest="microservices"]').textContent())).toBeGreaterThan(0);
  await expect(page.locator('[data-chart="Latency p50"] [data-latest="monolith"]')).toHaveText(/^mono down: no answers$/);
  await expect(page.locator('[data-chart="Error rate"] [data-latest="monolith"]')).toHaveText(/^mono 100\.0 % \(down\)$/);
  // The reading: down, no speed verdict, and the kill named once.
  const reading = page.locator(".compare-reading");
  await expect(reading).toContainText("The monolith is down: shoppers cannot reach it");
  await expect(reading).toContainText("After the monolith was killed");
  await expect(reading).not.toContainText("in the monolith,");
  await expect(reading).not.toContainText("faster");

  // The Sandbox screen: the graph draws the microservices; the monolith's chip says it is down, as its box does.
  await page.goto("/");
  await page.locator('[data-stack-label="microservices"]').click();
  await expect(page.locator('[data-stack-shoppers="monolith"]')).toHaveText("shoppers: monolith down, nothing answers");
  await expect(page.locator('[data-stack-label="monolith"] .stack-status')).toHaveText("stopped");
  await page.locator('[data-stack-label="monolith"]').click();
  await expect(graphNode(page, "monolith")).toHaveAttribute("data-status", "stopped");

  // The Traffic panel, once the run is stopped: its table and its sentence are one reading.
  expect((await request.delete("/api/traffic", { headers: AS_SCRIPT })).ok()).toBe(true);
  await page.getByRole("tab", { name: "Traffic" }).click();
  const result = page.locator("[data-traffic-result]");
  await expect(result).toBeVisible({ timeout: 15_000 });
  const view = ((await (await request.get("/api/traffic")).json()) as { traffic: TrafficView }).traffic;
  for (const tally of view.stacks) {
    const figure = (label: string) => page.locator(`[data-traffic-figure="${tally.stack}:${label}"]`);
    const [ok, failed, sent] = [number(await figure("ok").textContent()), number(await figure("failed").textContent()), number(await figure("sent").textContent())];
    await expect(result).toContainText(`${tally.stack}: ${sent} requests sent, ${failed} of ${ok + failed} answered failed`);
    const p50 = (await figure("p50").textContent()) ?? "";
    if (p50 === "–") await expect(result).toContainText(`${tally.stack}: ${sent} requests sent`);
    else await expect(result).toContainText(`p50 ${p50}, p95 ${await figure("p95").textContent()}`);
  }
});

test("a moment rewound to the monolith's kill: the mark says killed, the chip and the box say down", async ({ page, request }) => {
  await killMonolithUnderTraffic(request);
  await expect.poll(async () => (await monolithMetrics(request)).up).toBe(false);
  // The sandbox keeps a state at most once a second; a download keeps this moment's, so the rewind has it.
  expect((await request.get("/api/recording?seconds=5")).ok()).toBe(true);

  await page.goto("/");
  await page.locator('[data-stack-label="microservices"]').click();
  await page.getByRole("button", { name: "⟲ Rewind" }).click();
  await expect(page.locator("[data-time-mode]")).toHaveAttribute("data-time-mode", "past", { timeout: 30_000 });
  const marks = page.getByRole("list", { name: "marks on the timeline" });
  // The kill is marked as a kill (the unit tests of the marks hold that it is never "stopped").
  await expect(marks.getByRole("button", { name: /monolith killed$/ }).last()).toBeAttached();
  await marks.getByRole("button", { name: /monolith killed$/ }).last().click();
  // At the kill: the chip of the stack not drawn agrees with the box, and gives no figures from before the kill.
  await expect(page.locator('[data-stack-shoppers="monolith"]')).toHaveText("shoppers: monolith down, nothing answers");
  await expect(page.locator('[data-stack-label="monolith"] .stack-status')).toHaveText("stopped");
  await expect(page.locator('[data-stack-label="monolith"]')).not.toContainText("running");
  await page.locator('[data-stack-label="monolith"]').click();
  await expect(graphNode(page, "monolith")).toHaveAttribute("data-status", "stopped");
});
