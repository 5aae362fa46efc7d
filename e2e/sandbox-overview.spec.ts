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

test("killing a service from its row marks it stopped, and a redeploy brings it back as the next version", async ({ page, request }) => {
  await page.goto("/");
  const row = page.locator('tr[data-service="notification-service"]');
  await expect(row).toHaveAttribute("data-status", "healthy");
  const before = await (await request.get("/api/sandbox")).json();
  const version = before.services.find((service: { id: string }) => service.id === "notification-service").version;

  await row.getByRole("button", { name: "Kill" }).click();
  await expect(row).toHaveAttribute("data-status", "stopped");
  await expect(row).toContainText("killed by the user");
  // A stopped service cannot be killed or stopped again: the screen says so by disabling those buttons.
  await expect(row.getByRole("button", { name: "Kill" })).toBeDisabled();
  await expect(row.getByRole("button", { name: "Start" })).toBeEnabled();

  await row.getByRole("button", { name: "Redeploy" }).click();
  await expect(row).toHaveAttribute("data-status", "healthy");
  await expect(row).toContainText(`v${version + 1}`);
});
