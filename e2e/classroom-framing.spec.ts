// In classroom mode too, another site cannot frame the app: not even the presenter's own page, whose cookie a page
// of the same machine would send along.
import { expect, test } from "@playwright/test";
import { CLASSROOM_TOKEN, classroomURL } from "../playwright.config";
import { framedFromAnotherSite, policyViolations } from "./framing";

test("a page on another origin that frames the classroom app shows nothing of it", async ({ page }) => {
  // The presenter's own page shows the sandbox: what a frame would show if the browser let it.
  const violations = policyViolations(page);
  await page.goto(`/?token=${CLASSROOM_TOKEN}`);
  await expect(page.locator(".react-flow")).toBeVisible();
  // Its own page works under the policy: the browser refused none of its scripts, styles or connections.
  expect(violations).toEqual([]);
  for (const path of ["/", "/compare"]) {
    const shown = await framedFromAnotherSite(page, `${classroomURL}${path}`, classroomURL);
    expect(shown.appDocument, path).toBe(false);
    expect(shown.text, path).not.toMatch(/sandbox|classroom|order-service/i);
  }
});
