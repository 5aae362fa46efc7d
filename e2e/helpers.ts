// Shared steps of the e2e journeys: reading the control API, picking a service on the graph, shopping from the panel.
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

/** A body-less control call from a script must say it is one: the sandbox refuses what a cross-site form could send. */
export const AS_SCRIPT = { "x-sandbox-client": "e2e" };

export interface ServiceFacts {
  id: string;
  status: string;
  version: number;
  pid: number | null;
}

export async function serviceFacts(request: APIRequestContext, id: string): Promise<ServiceFacts> {
  const state = (await (await request.get("/api/sandbox")).json()) as { services: ServiceFacts[] };
  const service = state.services.find((candidate) => candidate.id === id);
  if (!service) throw new Error(`${id} is not in /api/sandbox`);
  return service;
}

/** Brings every service back to healthy without a reset (a reset would wipe the shop's data under other tests). */
export async function everythingHealthy(request: APIRequestContext): Promise<void> {
  const state = (await (await request.get("/api/sandbox")).json()) as { services: ServiceFacts[] };
  for (const service of state.services) {
    if (service.status === "stopped" || service.status === "crashed") await request.post(`/api/services/${service.id}/start`, { data: {} });
  }
  await expect
    .poll(async () => ((await (await request.get("/api/sandbox")).json()) as { services: ServiceFacts[] }).services.every((service) => service.status === "healthy"), { timeout: 20_000 })
    .toBe(true);
}

/** A process's box on the graph: a microservice (or redis), or the monolith's own box; exactly one whichever stacks show. */
export const graphNode = (page: Page, id: string): Locator =>
  page.locator(`.react-flow [data-stack="${id === "monolith" ? "monolith" : "microservices"}"][data-service="${id}"]`);

/** A module's box inside the monolith's box. */
export const moduleNode = (page: Page, id: string): Locator => page.locator(`.react-flow [data-stack="monolith"][data-module="${id}"]`);

/** Asks the sandbox for an architecture through its control API and waits until it runs. */
export async function useArchitecture(request: APIRequestContext, architecture: "microservices" | "monolith" | "both"): Promise<void> {
  // A switch already under way (one a test started from the screen) refuses another with 409 until it is done.
  await expect.poll(async () => ((await (await request.get("/api/sandbox")).json()) as { transition: string | null }).transition, { timeout: 60_000 }).toBeNull();
  const state = (await (await request.get("/api/sandbox")).json()) as { architecture: string };
  if (state.architecture !== architecture) expect((await request.post("/api/sandbox/architecture", { data: { architecture }, timeout: 60_000 })).ok()).toBe(true);
  await everythingHealthy(request);
}

/** Opens a service's inspector by clicking its box on the graph. */
export async function inspect(page: Page, id: string): Promise<Locator> {
  await graphNode(page, id).click();
  const inspector = page.locator(`[data-service-inspector="${id}"]`);
  await expect(inspector).toBeVisible();
  return inspector;
}

/** Opens a tab of the left panel by its name ("Traffic", "Break it"…). */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

export const action = (inspector: Locator, name: "Kill" | "Stop" | "Start" | "Redeploy"): Locator => inspector.getByRole("button", { name, exact: true });

/** Registers a fresh shopper from the panel (the panel logs in right after). */
export async function registerShopper(page: Page): Promise<string> {
  const email = `shopper-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const form = page.getByRole("form", { name: "register or log in" });
  await form.getByLabel("email").fill(email);
  await form.getByLabel("password").fill("correct horse battery");
  await form.getByLabel("name").fill("E2E Shopper");
  await form.getByRole("button", { name: "Register" }).click();
  await expect(page.locator(`[data-logged-in="${email}"]`)).toBeVisible();
  return email;
}

export const orderButton = (page: Page, productId: string): Locator => page.locator(`[data-product="${productId}"]`).getByRole("button", { name: "Order" });
