// Help without giving up: a step left alone shows its first hint by itself after HINT_AFTER_MS, and not before.
// The page's clock is moved forward instead of waiting twenty seconds.
import { expect, test } from "@playwright/test";
import { HINT_AFTER_MS } from "../lib/client/lesson-hints";
import { AS_SCRIPT, everythingHealthy, useArchitecture } from "./helpers";

test("a hint shows by itself after a while without progress, and not before", async ({ page, request }) => {
  test.setTimeout(120_000);
  await useArchitecture(request, "microservices");
  await page.clock.install();
  await page.goto("/tutorial/payment-outage/kill-payment");
  const panel = page.locator('.lesson-panel[data-lesson="payment-outage"]');
  await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  const hints = panel.getByRole("list", { name: "hints" });
  await expect(hints).toHaveCount(0);
  await page.clock.fastForward(HINT_AFTER_MS - 2_000);
  await expect(hints).toHaveCount(0);
  await page.clock.fastForward(3_000);
  await expect(hints).toBeVisible();
  await expect(hints.getByRole("listitem")).toHaveCount(1);
  await request.post("/api/lessons/run/stop", { headers: AS_SCRIPT });
  await everythingHealthy(request);
});
