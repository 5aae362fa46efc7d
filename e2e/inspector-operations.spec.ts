// Operating a service from its inspector: scale it, redeploy it rolling under load, set its restart policy, and
// see and clear its faults — each visible on its box on the graph.
import { expect, test } from "@playwright/test";
import { everythingHealthy, graphNode, inspect, serviceFacts, useArchitecture } from "./helpers";

test.beforeAll(async ({ request }) => useArchitecture(request, "microservices"));
test.afterEach(async ({ request }) => {
  await request.post("/api/services/product-service/scale", { data: { replicas: 1 } });
  await request.post("/api/services/product-service/restart-policy", { data: { restart: "never" } });
  await everythingHealthy(request);
});

test("scaling from the inspector shows three instances", async ({ page }) => {
  await page.goto("/");
  const inspector = await inspect(page, "product-service");
  await inspector.getByLabel("instances", { exact: true }).fill("3");
  await inspector.getByRole("button", { name: "Scale", exact: true }).click();
  await expect(graphNode(page, "product-service").locator("[data-replicas]")).toHaveAttribute("data-replicas", "3", { timeout: 30_000 });
  const rows = inspector.getByRole("table", { name: "instances of product-service" }).locator("[data-instance]");
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toHaveAttribute("data-status", "healthy");
  // Each instance is its own process with its own pid.
  const pids = await rows.locator("td:first-child").allTextContents();
  expect(new Set(pids).size).toBe(3);
});

test("a rolling redeploy from the inspector keeps serving", async ({ page, request }) => {
  await page.goto("/");
  const { version } = await serviceFacts(request, "product-service");
  const inspector = await inspect(page, "product-service");
  await inspector.getByRole("radio", { name: /rolling/ }).check();
  await expect(inspector).toContainText("no downtime");

  // A shopper browses the catalogue all through the redeploy.
  let browsing = true;
  let failures = 0;
  let answered = 0;
  const shopper = (async () => {
    while (browsing) {
      const response = await request.get("/storefront/microservices/api/products");
      if (response.ok()) answered++;
      else failures++;
    }
  })();
  await inspector.getByRole("button", { name: "Redeploy", exact: true }).click();
  await expect(graphNode(page, "product-service")).toContainText(`v${version + 1}`, { timeout: 30_000 });
  await expect(graphNode(page, "product-service")).toHaveAttribute("data-status", "healthy");
  await expect.poll(() => serviceFacts(request, "product-service").then((facts) => facts.version)).toBe(version + 1);
  browsing = false;
  await shopper;
  expect(answered).toBeGreaterThan(0);
  expect(failures).toBe(0);
});

test("the restart policy and a fault show on the box, and the fault clears from the inspector", async ({ page, request }) => {
  await page.goto("/");
  const inspector = await inspect(page, "product-service");
  await inspector.getByRole("switch", { name: "restart on failure" }).click();
  await expect(graphNode(page, "product-service")).toContainText("restarts on failure");

  const created = await request.post("/api/faults", { data: { service: "product-service", type: "latency", ms: 400, stack: "microservices" } });
  expect(created.ok()).toBe(true);
  await expect(graphNode(page, "product-service").locator("[data-fault-badge]")).toHaveText("⚡ latency +400 ms");
  const faults = inspector.getByRole("list", { name: "faults in force" });
  await expect(faults).toContainText("latency +400 ms");
  await faults.getByRole("button", { name: "clear" }).click();
  await expect(graphNode(page, "product-service").locator("[data-fault-badge]")).toHaveCount(0);
  await expect(faults).toHaveCount(0);
});
