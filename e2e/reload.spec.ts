// A reload starts from the server's snapshot: the page shows what is true now, and keeps the shopper and the layout;
// a shopper typing before the scripts have run is waited for, not lost; a connection that really drops is said so and recovered from by itself.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { action, everythingHealthy, graphNode, inspect, registerShopper } from "./helpers";

test.afterEach(async ({ request }) => everythingHealthy(request));

test("after a reload the graph shows a killed service still stopped, the shopper still logged in and the boxes where they were dragged", async ({ page }) => {
  await page.goto("/");
  const email = await registerShopper(page);
  const inspector = await inspect(page, "payment-service");
  await action(inspector, "Kill").click();
  await expect(graphNode(page, "payment-service")).toHaveAttribute("data-status", "stopped");

  const box = page.locator('.react-flow__node[data-id="payment-service"]');
  const before = (await box.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + 10);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 + 120, before.y + 10, { steps: 8 });
  await page.mouse.up();
  const dragged = (await box.boundingBox())!;
  expect(dragged.x).toBeGreaterThan(before.x + 60);

  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "live" })).toHaveAttribute("data-connection", "connected");
  await expect(graphNode(page, "payment-service")).toHaveAttribute("data-status", "stopped");
  await expect(graphNode(page, "api-gateway")).toHaveAttribute("data-status", "healthy");
  await expect(page.locator(`[data-logged-in="${email}"]`)).toBeVisible();
  const after = (await box.boundingBox())!;
  expect(Math.abs(after.x - dragged.x)).toBeLessThan(60);
});

test("a shopper who types before the page's scripts have run is not lost: the form waits for them, then registers what was typed", async ({ page }) => {
  // The scripts arrive late, as on a slow network or a busy machine; the server's HTML is on screen before them.
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await page.goto("/", { waitUntil: "commit" });
  await expect(page.getByRole("form", { name: "register or log in" })).toBeVisible();
  const email = await registerShopper(page);
  await expect(page.locator(`[data-logged-in="${email}"]`)).toBeVisible();
});

/**
 * Drops every open TCP connection to the app, as a network failure would: the kernel destroys the sockets (`ss -K`,
 * which needs root or CAP_NET_ADMIN), so the browser's websocket and the server both see the connection reset.
 */
function dropConnectionsTo(port: string): string {
  return execFileSync("ss", ["-K", "-t", "state", "established", "dport", "=", `:${port}`], { encoding: "utf8" });
}

test("when its connection really drops the page says so, and recovers by itself showing what changed meanwhile", async ({ page, context, request, baseURL }) => {
  await page.goto("/");
  const indicator = page.locator("[data-connection]");
  await expect(indicator).toHaveAttribute("data-connection", "connected");
  // The page has drawn what the sandbox sent: only a picture already shown can be said to be out of date (connected,
  // its first state may still be on the way on a loaded machine).
  await expect(graphNode(page, "api-gateway")).toHaveAttribute("data-status", "healthy");
  // Offline keeps the page from reconnecting at once; it does not cut the open websocket (Chromium keeps it).
  await context.setOffline(true);
  const port = new URL(baseURL!).port;
  const destroyed = dropConnectionsTo(port).split("\n").filter((line) => line.includes(`:${port}`));
  expect(destroyed.length, "ss -K lists the connections it destroyed").toBeGreaterThan(0);
  await expect(indicator).not.toHaveAttribute("data-connection", "connected");
  await expect(page.getByRole("alert").filter({ hasText: "Connection to the sandbox lost" })).toBeVisible();
  // Something changes while the page cannot hear about it.
  expect((await request.post("/api/services/user-service/kill", { data: {} })).ok()).toBe(true);
  await context.setOffline(false);
  await expect(indicator).toHaveAttribute("data-connection", "connected");
  await expect(graphNode(page, "user-service")).toHaveAttribute("data-status", "stopped");
  await expect(graphNode(page, "api-gateway")).toHaveAttribute("data-status", "healthy");
});
