// Another site cannot frame the app: the framing page loads, and its frame shows nothing of the sandbox.
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { framedFromAnotherSite, policyViolations } from "./framing";

test("a page on another origin that frames the app shows nothing of it", async ({ page }) => {
  // The app itself, opened directly, shows its graph: what a frame would show if the browser let it.
  const violations = policyViolations(page);
  await page.goto("/");
  await expect(page.locator(".react-flow")).toBeVisible();
  // Its own page works under the policy: the browser refused none of its scripts, styles or connections.
  expect(violations).toEqual([]);
  const shown = await framedFromAnotherSite(page, `${baseURL}/`, baseURL);
  expect(shown.appDocument).toBe(false);
  expect(shown.text).not.toMatch(/sandbox|order-service|api-gateway/i);
});
