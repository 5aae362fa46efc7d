// The graph can be read from the back of a room: in every architecture, on a 1280×800 laptop and a 1920×1080
// projector, every text is drawn at least 12 px high (names 14 px) after the graph's zoom, no box or label overlaps
// another, nothing is cut, no arrow is drawn over a band's caption; badges read in the dark scheme; and a scaled
// service is visibly N processes and N times the memory.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SHOP_SERVICE_IDS } from "../lib/contract/services";
import { readGraph, SCREENS } from "./graph-reading";
import { AS_SCRIPT, everythingHealthy, graphNode, moduleNode, useArchitecture } from "./helpers";

async function expectLegible(page: Page, where: string) {
  // React Flow fits the graph once its boxes are measured: read it once it has.
  await expect(page.locator(".react-flow__viewport")).toHaveAttribute("style", /scale/);
  const reading = await readGraph(page);
  expect(reading.texts, `${where}: texts were read`).toBeGreaterThan(40);
  expect(reading.small, `${where}: drawn smaller than 12 px (names 14 px) at scale ${reading.scale}`).toEqual([]);
  expect(reading.cut, `${where}: cut`).toEqual([]);
  expect(reading.overlaps, `${where}: overlapping`).toEqual([]);
  expect(reading.crossed, `${where}: drawn over the band's caption`).toEqual([]);
}

async function checkEveryScreen(page: Page, architecture: string, ready: () => Promise<void>) {
  for (const size of SCREENS) {
    await page.setViewportSize(size);
    await page.goto("/");
    await ready();
    await expectLegible(page, `${architecture} at ${size.width}×${size.height}`);
  }
}

/** Dark scheme: every text of the graph, its bar and its legend (the circuit-open badge among them) reads at 4.5:1 or better. */
async function expectReadableInTheDark(page: Page) {
  await page.emulateMedia({ colorScheme: "dark" });
  const axe = await new AxeBuilder({ page }).include(".graph").withRules(["color-contrast"]).analyze();
  expect(axe.violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary}`))).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
}

test.describe.configure({ mode: "serial" });
test.afterAll(async ({ request }) => {
  await request.delete("/api/traffic", { headers: AS_SCRIPT });
  await request.delete("/api/faults", { headers: AS_SCRIPT });
  await useArchitecture(request, "microservices");
});

test("the microservices are legible at 1280 and 1920, with traffic, a fault and a partition drawn on them", async ({ page, request }) => {
  test.setTimeout(240_000);
  await useArchitecture(request, "microservices");
  // Labels to read: rates on the arrows, a fault's badge, the partition's cut between order-service and product-service.
  expect((await request.post("/api/faults", { data: { service: "product-service", type: "latency", ms: 5 } })).status()).toBe(201);
  expect((await request.post("/api/faults", { data: { service: "order-service", type: "partition", peer: "product-service" } })).status()).toBe(201);
  expect((await request.post("/api/traffic", { data: { rps: 5 } })).ok()).toBe(true);
  await checkEveryScreen(page, "microservices", async () => {
    for (const id of ["redis", ...SHOP_SERVICE_IDS]) await expect(graphNode(page, id)).toHaveAttribute("data-status", "healthy");
    // Neighbours' arrow is too short for a label: the arrow is drawn cut and the caller's box says so in words.
    await expect(page.locator(".react-flow__edge-path.partitioned")).toHaveCount(1);
    await expect(graphNode(page, "order-service").locator("[data-fault-badge]")).toContainText("partition ↔ product-service");
    await expect(graphNode(page, "product-service").locator("[data-fault-badge]")).toBeVisible();
    await expect(page.locator("[data-edge-rate]").first()).toBeVisible();
    await expect(page.locator("[data-stack-memory='microservices']")).toContainText("MB");
  });
  await expectReadableInTheDark(page);
  await request.delete("/api/traffic", { headers: AS_SCRIPT });
  await request.delete("/api/faults", { headers: AS_SCRIPT });
});

test("the monolith is legible at 1280 and 1920", async ({ page, request }) => {
  test.setTimeout(240_000);
  await useArchitecture(request, "monolith");
  await checkEveryScreen(page, "monolith", async () => {
    await expect(graphNode(page, "monolith")).toHaveAttribute("data-status", "healthy");
    for (const id of SHOP_SERVICE_IDS) await expect(moduleNode(page, id)).toHaveAttribute("data-status", "healthy");
    await expect(page.locator("[data-memory='monolith']")).toContainText("MB");
  });
  await expectReadableInTheDark(page);
});

test("with both running, each stack is drawn legibly in turn, the other summarised with its memory; the traffic table fits", async ({ page, request }) => {
  test.setTimeout(300_000);
  await useArchitecture(request, "both");
  expect((await request.post("/api/traffic", { data: { rps: 4 } })).ok()).toBe(true);
  for (const size of SCREENS) {
    await page.setViewportSize(size);
    await page.goto("/");
    const choice = (stack: string) => page.locator(`.stack-bar [data-stack-label='${stack}']`);
    await expect(choice("microservices")).toHaveAttribute("aria-pressed", "true");
    // The stack not drawn is still there in figures: its status and its processes' memory.
    await expect(choice("monolith")).toContainText("running");
    await expect(choice("monolith").locator("[data-stack-memory]")).toContainText("1 process");
    await expect(graphNode(page, "api-gateway")).toHaveAttribute("data-status", "healthy");
    // Orders flow (no fault here): the queues say how many jobs go in and out.
    await expect(page.locator("[data-queue-rates]").first()).toBeVisible({ timeout: 30_000 });
    await expectLegible(page, `both (microservices drawn) at ${size.width}×${size.height}`);

    await choice("monolith").click();
    await expect(choice("monolith")).toHaveAttribute("aria-pressed", "true");
    await expect(moduleNode(page, "api-gateway")).toHaveAttribute("data-status", "healthy");
    await expect(graphNode(page, "api-gateway")).toHaveCount(0);
    await expectLegible(page, `both (monolith drawn) at ${size.width}×${size.height}`);
    await choice("microservices").click();

    // The Traffic panel's table of both stacks: every figure fits its cell, the table its panel.
    await page.getByRole("tab", { name: "Traffic" }).click();
    const table = page.locator(".traffic-figures table");
    await expect(table.locator("th[scope='col']")).toHaveText(["", "microservices", "monolith"]);
    const fits = await table.evaluate((element) => {
      const panel = element.closest(".left-panel")!;
      const problems: string[] = [];
      if (element.getBoundingClientRect().right > panel.getBoundingClientRect().right - 1 || panel.scrollWidth > panel.clientWidth) problems.push("the table is wider than its panel");
      for (const cell of element.querySelectorAll("th, td")) {
        if ((cell as HTMLElement).scrollWidth > (cell as HTMLElement).clientWidth + 1) problems.push(`"${cell.textContent}" is cut`);
        if (parseFloat(getComputedStyle(cell).fontSize) < 12) problems.push(`"${cell.textContent}" is under 12 px`);
      }
      return problems;
    });
    expect(fits).toEqual([]);
  }
  await request.delete("/api/traffic", { headers: AS_SCRIPT });
});

test("scaling product-service to 3 shows three instances with their pids, and three times the memory, on the graph", async ({ page, request }) => {
  test.setTimeout(240_000);
  await useArchitecture(request, "microservices");
  await page.goto("/");
  const node = graphNode(page, "product-service");
  const memory = node.locator("[data-memory='product-service']");
  await expect(memory).toHaveAttribute("data-processes", "1");
  const megabytes = async () => Number(/(\d+) MB/.exec((await memory.textContent()) ?? "")?.[1] ?? NaN);
  const single = await megabytes();
  expect(single).toBeGreaterThan(10);
  const stack = page.locator("[data-stack-memory='microservices']");
  const stackProcesses = Number(await stack.getAttribute("data-processes"));

  try {
    expect((await request.post("/api/services/product-service/scale", { data: { replicas: 3 } })).ok()).toBe(true);
    // Three instances on the box, each its own process with its own pid, drawn as a stack of cards.
    const instances = node.locator("[data-replicas='3'] li");
    await expect(instances).toHaveCount(3);
    await expect.poll(async () => (await instances.allTextContents()).filter((text) => /\d{2,}/.test(text)).length, { timeout: 30_000 }).toBe(3);
    expect(new Set((await instances.allTextContents()).map((text) => /\d+/.exec(text)![0])).size).toBe(3);
    await expect(node).toHaveClass(/scaled/);
    // The memory reads as a multiplication and grows with the copies; the stack's total counts the new processes.
    await expect(memory).toHaveAttribute("data-processes", "3", { timeout: 20_000 });
    await expect(memory).toContainText(/×3 = \d+ MB/);
    // Three processes summed: more than the one that has been serving, by at least what the two new ones weigh once
    // sampled (a process just spawned is read at ~10 MB, then ~30 MB once booted).
    await expect.poll(megabytes, { timeout: 20_000 }).toBeGreaterThan(single + 20);
    await expect(stack).toHaveAttribute("data-processes", String(stackProcesses + 2));
    await expectLegible(page, "product-service ×3 at 1280×800");
  } finally {
    await request.post("/api/services/product-service/scale", { data: { replicas: 1 } });
    await everythingHealthy(request);
  }
});
