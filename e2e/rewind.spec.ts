// Rewind: payment-service killed while orders come in and started again; rewound on the Sandbox screen to the kill,
// the node is down and its queue fills, then stepping forward it comes back and the queue drains. The run saved from
// the timeline and opened on the Rewind screen after a reload replays the same. A fault's mark selects the requests
// it broke; slow motion plays the present a few seconds behind.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { AS_SCRIPT, graphNode, serviceFacts, useArchitecture } from "./helpers";

const down = /^(crashed|stopped)$/;
const SHOP = "/storefront/microservices/api";

async function shopperToken(request: APIRequestContext): Promise<string> {
  const email = `rewind-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  expect((await request.post(`${SHOP}/auth/register`, { data: { email, password: "correct horse battery", name: "Rewind" } })).ok()).toBe(true);
  return ((await (await request.post(`${SHOP}/auth/login`, { data: { email, password: "correct horse battery" } })).json()) as { token: string }).token;
}

/**
 * The sandbox keeps a changed state at most once a second (the last of a burst at the end of that second); a download
 * of its recording also keeps the state of that moment, so what a test just saw is sure to be in the replay.
 */
const keepThisMoment = async (request: APIRequestContext) => expect((await request.get("/api/recording?seconds=5")).ok()).toBe(true);

const waitingIn = async (request: APIRequestContext, queue: string) =>
  ((await (await request.get("/api/sandbox")).json()) as { queues: { name: string; waiting: number }[] }).queues.find((candidate) => candidate.name === queue)?.waiting ?? 0;

/**
 * Steps one event at a time until `done` says so, noting each moment's payment-service status and payment-inbox
 * backlog as drawn; returns what was seen, in order.
 */
async function stepUntil(page: Page, done: (seen: { status: string; waiting: number }) => boolean): Promise<{ status: string; waiting: number }[]> {
  const seen: { status: string; waiting: number }[] = [];
  const node = graphNode(page, "payment-service");
  const queue = page.locator('.react-flow [data-queue="payment-inbox"]');
  for (let step = 0; step < 600; step++) {
    const now = { status: (await node.getAttribute("data-status")) ?? "", waiting: Number(await queue.getAttribute("data-waiting")) };
    seen.push(now);
    if (done(now)) return seen;
    const next = page.getByRole("button", { name: "next event" });
    if (await next.isDisabled()) break;
    const before = await page.locator("[data-rewind-at]").getAttribute("data-rewind-at");
    await next.click();
    await expect(page.locator("[data-rewind-at]")).not.toHaveAttribute("data-rewind-at", before ?? "");
  }
  return seen;
}

test("rewound to payment-service's kill, its queue fills and then drains; the saved run replays the same", async ({ page, request }, testInfo) => {
  test.setTimeout(180_000);
  await useArchitecture(request, "microservices");
  const token = await shopperToken(request);
  expect((await request.post("/api/services/payment-service/kill", { headers: AS_SCRIPT })).ok()).toBe(true);
  await expect.poll(async () => (await serviceFacts(request, "payment-service")).status, { timeout: 20_000 }).toMatch(down);
  for (let order = 0; order < 3; order++) {
    const placed = await request.post(`${SHOP}/orders`, { headers: { authorization: `Bearer ${token}`, "idempotency-key": `rewind-${Date.now()}-${order}` }, data: { items: [{ productId: "p-mouse", quantity: 1 }] } });
    expect(placed.status()).toBe(202);
  }
  await expect.poll(() => waitingIn(request, "payment-inbox"), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  await keepThisMoment(request);
  expect((await request.post("/api/services/payment-service/start", { headers: AS_SCRIPT })).ok()).toBe(true);
  await expect.poll(async () => (await serviceFacts(request, "payment-service")).status, { timeout: 30_000 }).toBe("healthy");
  await expect.poll(() => waitingIn(request, "payment-inbox"), { timeout: 30_000 }).toBe(0);

  // On the Sandbox screen: the timeline goes back to the kill.
  await page.goto("/");
  const node = graphNode(page, "payment-service");
  await expect(node).toHaveAttribute("data-status", "healthy");
  await page.getByRole("button", { name: "⟲ Rewind" }).click();
  await expect(page.locator("[data-time-mode]")).toHaveAttribute("data-time-mode", "past", { timeout: 30_000 });
  await expect(page.getByText("Buttons act on the present, not on this moment.")).toBeVisible();
  const kill = page.getByRole("list", { name: "marks on the timeline" }).getByRole("button", { name: /payment-service killed$/ }).last();
  // Marks seconds apart overlap on a track of minutes: a mark is reached by keyboard, whatever lies over it.
  await kill.focus();
  await page.keyboard.press("Enter");
  await expect(node).toHaveAttribute("data-status", down);
  // The past has no memory readings, and says so rather than showing the present's.
  await expect(graphNode(page, "api-gateway")).toContainText("memory not recorded");

  // Step forward: the node stays down while the queue fills, then it comes back and the queue drains.
  const filling = await stepUntil(page, (now) => now.waiting >= 3);
  expect(filling.at(-1)).toEqual({ status: expect.stringMatching(down), waiting: expect.any(Number) });
  expect(filling.at(-1)!.waiting).toBeGreaterThanOrEqual(3);
  const draining = await stepUntil(page, (now) => now.status === "healthy" && now.waiting === 0);
  expect(draining.at(-1)).toEqual({ status: "healthy", waiting: 0 });
  expect(draining.findIndex((now) => now.status === "healthy")).toBeGreaterThan(0);

  // The run saved from the timeline, then Live: the present again.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Save this run" }).click();
  const file = testInfo.outputPath("run.jsonl.gz");
  await (await download).saveAs(file);
  await page.getByRole("button", { name: "● Live" }).click();
  await expect(page.locator("[data-time-mode]")).toHaveAttribute("data-time-mode", "live");
  await expect(node).toHaveAttribute("data-status", "healthy");
  await expect(graphNode(page, "api-gateway")).not.toContainText("memory not recorded");

  // After a reload, the file opened on the Rewind screen: marked as a saved run, the same kill and the same queue.
  await page.reload();
  await page.getByRole("navigation", { name: "screens" }).getByRole("link", { name: "Rewind" }).click();
  await expect(page.locator("[data-replay]")).toHaveAttribute("data-replay", "server", { timeout: 30_000 });
  await page.getByLabel("Open a saved run").setInputFiles(file);
  await expect(page.locator("[data-replay]")).toHaveAttribute("data-replay", "file");
  await expect(page.locator("[data-replay-source]")).toContainText("A replay of the saved run run.jsonl.gz");
  await page.getByRole("list", { name: "what happened" }).getByRole("button", { name: /payment-service killed$/ }).last().click();
  await expect(node).toHaveAttribute("data-status", down);
  const replayed = await stepUntil(page, (now) => now.waiting >= 3);
  expect(replayed.at(-1)!.waiting).toBeGreaterThanOrEqual(3);
  expect(replayed.at(-1)!.status).toMatch(down);
  // Played at 4×, payment-service comes back, and playing stops by itself at the end of the run.
  await page.getByLabel("speed").selectOption("4");
  await page.getByRole("button", { name: "Play" }).click();
  await expect(node).toHaveAttribute("data-status", "healthy", { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Play" })).toBeDisabled({ timeout: 60_000 });
  await page.getByRole("slider", { name: "moment shown" }).focus();
  await page.keyboard.press("Home");
  await expect(page.locator("[data-rewind-at]")).not.toHaveAttribute("data-lag-ms", "0");

  // A file that is not a run is refused in words; the replay shown stays as it was.
  await page.getByLabel("Open a saved run").setInputFiles({ name: "notes.gz", mimeType: "application/gzip", buffer: Buffer.from("not a run") });
  await expect(page.locator("[data-rewind-message]")).toContainText("notes.gz: this is not a saved run");
  await expect(page.locator("[data-replay]")).toHaveAttribute("data-replay", "file");

  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((violation) => violation.impact === "critical" || violation.impact === "serious");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((found) => found.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a fault's mark selects the requests it broke; slow motion plays the present a few seconds behind", async ({ page, request }) => {
  test.setTimeout(120_000);
  await useArchitecture(request, "microservices");
  const added = await request.post("/api/faults", { data: { service: "product-service", type: "errors", rate: 1, stack: "microservices" } });
  expect(added.ok()).toBe(true);
  for (let call = 0; call < 3; call++) expect((await request.get(`${SHOP}/products`)).status()).toBeGreaterThanOrEqual(500);
  await keepThisMoment(request);
  expect((await request.delete("/api/faults", { headers: AS_SCRIPT })).ok()).toBe(true);

  await page.goto("/");
  // By keyboard: Rewind's button goes away with the live bar, so focus lands on the slider.
  await page.getByRole("button", { name: "⟲ Rewind" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-time-mode]")).toHaveAttribute("data-time-mode", "past", { timeout: 30_000 });
  await expect(page.getByRole("slider", { name: "moment shown" })).toBeFocused();
  // The fault's two marks are a second apart on a track of minutes: the one underneath is reached by keyboard.
  await page.getByRole("list", { name: "marks on the timeline" }).getByRole("button", { name: /errors fault on product-service \(microservices\) added$/ }).last().focus();
  await page.keyboard.press("Enter");
  const only = page.locator("[data-only]");
  await expect(only).toContainText("failed requests the errors fault on product-service (microservices) broke");
  expect(Number(await only.getAttribute("data-only"))).toBeGreaterThanOrEqual(6);
  // The stream shows those only, every one a failure: the gateway's answer and product-service's own 500, three of each.
  await expect(page.getByRole("table", { name: "events, newest first" })).toHaveAttribute("aria-rowcount", (await only.getAttribute("data-only")) ?? "");
  await expect(page.locator(".stream-row.outcome-failure").first()).toBeVisible();
  await expect(page.locator(".stream-row:not(.outcome-failure)")).toHaveCount(0);
  // Rewound at 1280×800, in light and dark: the bar's text at least 12 px, nothing cut, and nothing axe calls serious.
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const problems = await page.locator(".time-bar").evaluate((bar) =>
      [...bar.querySelectorAll<HTMLElement>("p, span, label, button, a, strong")].flatMap((element) => {
        const found: string[] = [];
        if (element.textContent?.trim() && parseFloat(getComputedStyle(element).fontSize) < 12) found.push(`"${element.textContent.trim().slice(0, 30)}" is under 12 px`);
        if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflow !== "visible") found.push(`"${element.textContent?.trim().slice(0, 30)}" is cut`);
        const box = element.getBoundingClientRect();
        if (box.width > 0 && (box.right > innerWidth + 1 || box.bottom > innerHeight + 1)) found.push(`"${element.textContent?.trim().slice(0, 30)}" is off screen`);
        return found;
      }),
    );
    expect(problems).toEqual([]);
    const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((violation) => violation.impact === "critical" || violation.impact === "serious");
    expect(serious.map((violation) => `${colorScheme} ${violation.id}: ${violation.nodes.map((found) => found.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await only.getByRole("button", { name: "Show all" }).click();
  await expect(only).toHaveCount(0);

  // Back to live, then slow motion: a few seconds behind, the moment moving forward; with nothing happening it keeps
  // near the lag it promises instead of standing still while the lag grows.
  await page.getByRole("button", { name: "● Live" }).click();
  await page.getByRole("button", { name: "Slow motion" }).click();
  const moment = page.locator("[data-rewind-at]");
  await expect(page.locator("[data-time-mode]")).toHaveAttribute("data-time-mode", "slow", { timeout: 30_000 });
  const first = Number(await moment.getAttribute("data-rewind-at"));
  expect(Number(await moment.getAttribute("data-lag-ms"))).toBeGreaterThanOrEqual(2_900);
  await expect.poll(async () => Number(await moment.getAttribute("data-rewind-at"))).toBeGreaterThan(first + 3_000);
  expect(Number(await moment.getAttribute("data-lag-ms"))).toBeLessThanOrEqual(5_000);
  await page.getByRole("button", { name: "● Live" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-time-mode]")).toHaveAttribute("data-time-mode", "live");
  await expect(page.getByRole("button", { name: "⟲ Rewind" })).toBeFocused();
});

test("slow motion: an order placed while it runs appears on the graph within 5 s, after a quiet stretch", async ({ page, request }) => {
  test.setTimeout(90_000);
  await useArchitecture(request, "microservices");
  const token = await shopperToken(request);
  await page.goto("/");
  await page.getByRole("button", { name: "Slow motion" }).click();
  await expect(page.locator("[data-time-mode]")).toHaveAttribute("data-time-mode", "slow", { timeout: 30_000 });
  // A quiet stretch first, longer than slow motion would take to play at its speed.
  const entered = Number(await page.locator("[data-rewind-at]").getAttribute("data-rewind-at"));
  await expect.poll(async () => Number(await page.locator("[data-rewind-at]").getAttribute("data-rewind-at")), { timeout: 20_000 }).toBeGreaterThan(entered + 8_000);
  const publish = page.locator('[data-edge="publish:order-service->payment-inbox"]');
  await expect(publish).toHaveAttribute("data-dots", "0");
  // Watched from before the order is placed, at every frame: the dot of its OrderCreated on its way to the queue.
  const seen = page.waitForFunction(() => Number(document.querySelector('[data-edge="publish:order-service->payment-inbox"]')?.getAttribute("data-dots") ?? 0) > 0, undefined, { polling: "raf", timeout: 15_000 });
  const placed = await request.post(`${SHOP}/orders`, { headers: { authorization: `Bearer ${token}`, "idempotency-key": `slow-${Date.now()}` }, data: { items: [{ productId: "p-mouse", quantity: 1 }] } });
  expect(placed.status()).toBe(202);
  const answeredAt = Date.now();
  await seen;
  expect(Date.now() - answeredAt).toBeLessThanOrEqual(5_000);
  await expect(page.locator("[data-time-mode]")).toHaveAttribute("data-time-mode", "slow");
});
