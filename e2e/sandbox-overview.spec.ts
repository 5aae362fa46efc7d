// The first screen loads in Chromium and shows every process of the shop with its live status.
import { expect, test } from "@playwright/test";
import { SHOP_SERVICE_IDS } from "../lib/contract/services";

test("shows every service of the shop and the broker as healthy", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Architecture Sandbox" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveAttribute("data-connection", "connected");
  for (const id of ["redis", ...SHOP_SERVICE_IDS]) {
    await expect(page.locator(`tr[data-service="${id}"]`)).toHaveAttribute("data-status", "healthy");
  }
});

test("a killed service shows as stopped and comes back with a new version after a redeploy", async ({ page, request }) => {
  await page.goto("/");
  const row = page.locator('tr[data-service="notification-service"]');
  await expect(row).toHaveAttribute("data-status", "healthy");
  const before = await (await request.get("/api/sandbox")).json();
  const version = before.services.find((service: { id: string }) => service.id === "notification-service").version;

  expect((await request.post("/api/services/notification-service/kill")).status()).toBe(200);
  await expect(row).toHaveAttribute("data-status", "stopped");
  await expect(row).toContainText("killed by the user");

  expect((await request.post("/api/services/notification-service/redeploy", { data: {} })).status()).toBe(200);
  await expect(row).toHaveAttribute("data-status", "healthy");
  await expect(row).toContainText(`v${version + 1}`);
});
