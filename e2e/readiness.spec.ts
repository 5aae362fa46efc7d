// Liveness against readiness, on the Sandbox screen: product-service failing every request still answers GET /health,
// its inspector says readiness is not asked; the Readiness checks switch in Break it makes the sandbox ask, and the
// box and the inspector say "not ready" while it still answers GET /health. Everything put back after.
import { expect, test } from "@playwright/test";
import { AS_SCRIPT, graphNode, inspect, openTab, useArchitecture } from "./helpers";

test.afterEach(async ({ request }) => {
  await request.delete("/api/faults", { headers: AS_SCRIPT });
  await request.post("/api/sandbox/resilience", { data: { readinessChecks: false } });
});

test("a service failing every request is alive but, once readiness is asked, not ready: on its box and in its inspector", async ({ page, request }) => {
  await useArchitecture(request, "microservices");
  expect((await request.post("/api/faults", { data: { service: "product-service", type: "errors", rate: 1, stack: "microservices" } })).ok()).toBe(true);
  await page.goto("/");
  const inspector = await inspect(page, "product-service");
  await expect(inspector.locator("[data-liveness]")).toHaveText("answers GET /health");
  await expect(inspector.locator("[data-readiness]")).toHaveText("not asked: readiness checks are off");
  await expect(graphNode(page, "product-service")).toHaveAttribute("data-status", "healthy");

  await openTab(page, "Break it");
  const readiness = page.getByRole("checkbox", { name: "Readiness checks" });
  await readiness.check();
  await expect(readiness).toBeChecked();
  await expect(graphNode(page, "product-service")).toHaveAttribute("data-status", "unhealthy", { timeout: 10_000 });
  await expect(graphNode(page, "product-service")).toContainText("not ready");
  await expect(inspector.locator("[data-liveness]")).toHaveText("answers GET /health");
  await expect(inspector.locator("[data-readiness]")).toHaveText("GET /ready fails: it gets no calls");

  // Cleared, it passes again and is back in the calls.
  expect((await request.delete("/api/faults", { headers: AS_SCRIPT })).ok()).toBe(true);
  await expect(graphNode(page, "product-service")).toHaveAttribute("data-status", "healthy", { timeout: 10_000 });
  await expect(inspector.locator("[data-readiness]")).toHaveText("GET /ready passes");
});
