// A learner's walk through one lesson by clicks alone: the top bar's entry, the course map, a prediction, killing
// payment-service from its box, ordering from the Shop tab, starting it again; each step ticks itself.
import { expect, test } from "@playwright/test";
import { lessons } from "../lib/lessons/lessons";
import { everythingHealthy, graphNode, inspect, orderButton, registerShopper, useArchitecture } from "./helpers";
import { expectPointerOver } from "./pointer";

test("a learner walks “Payment dies, the shop stays up” by clicks alone", async ({ page, request }) => {
  test.setTimeout(180_000);
  await useArchitecture(request, "microservices");
  await page.goto("/");
  await page.getByRole("link", { name: "Guided lessons" }).click();
  await expect(page.locator("[data-lesson-card]")).toHaveCount(lessons().length);
  await page.getByRole("link", { name: "Payment dies, the shop stays up" }).click();
  const panel = page.locator('.lesson-panel[data-lesson="payment-outage"]');
  await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  // Step 1: kill payment-service from its box. The pointer shows the box, then the Kill button once it is on screen.
  const pointer = page.locator('[data-pointer="button:kill:payment-service"]');
  await expect(pointer).toHaveAttribute("data-pointer-at", "way");
  await expectPointerOver(pointer, graphNode(page, "payment-service"));
  const inspector = await inspect(page, "payment-service");
  const kill = inspector.getByRole("button", { name: "Kill", exact: true });
  await expect(pointer).toHaveAttribute("data-pointer-at", "target");
  await expect(pointer).toContainText("press Kill");
  await expectPointerOver(pointer, kill);
  await kill.click();
  await expect(panel.locator('[data-step-id="kill-payment"]')).toHaveAttribute("data-status", "done");

  // Step 2: predict, then order three times from the Shop tab; the keyboard opens a hint.
  await expect(panel).toHaveAttribute("data-step", "accept-orders");
  await page.keyboard.press("Alt+h");
  await expect(panel.getByRole("list", { name: "hints" })).toContainText("202");
  // The experiment starts after the prediction: until it is locked the step says so, and Show me waits.
  await expect(panel.locator(".lesson-todo")).toContainText("Answer the question below first");
  await expect(panel.getByRole("button", { name: "Show me" })).toBeDisabled();
  await panel.getByLabel("Orders are accepted and wait").check();
  await panel.getByRole("button", { name: "Lock my prediction" }).click();
  await expect(panel.locator("[data-prediction-locked]")).toContainText("Orders are accepted and wait");
  await expect(panel.locator(".lesson-todo")).toContainText("Place three orders");
  await page.getByRole("tab", { name: "Shop" }).click();
  await registerShopper(page);
  for (let order = 0; order < 3; order++) await orderButton(page, "p-mouse").click();
  await expect(panel.locator('[data-step-id="accept-orders"]')).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page).toHaveURL(/\/tutorial\/payment-outage\/drain$/);
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(panel.locator("[data-prediction-result]")).toContainText("You predicted: Orders are accepted and wait ✓ Right");
  await expect(panel.locator("[data-prediction-result]")).toHaveAttribute("data-correct", "true");
  await expect(panel.locator("[data-prediction-result]")).toContainText("Why: order-service answers as soon as OrderCreated is in payment-inbox.");
  await expect(panel.locator("[data-measured]")).toContainText(/^\d+ orders were accepted while payment-service was down/);
  await page.keyboard.press("Alt+ArrowRight");

  // Step 3: start payment-service again; the backlog drains and the audit is clean.
  const again = await inspect(page, "payment-service");
  await again.getByRole("button", { name: "Start", exact: true }).click();
  await expect(panel.locator('[data-step-id="drain"]')).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  const card = panel.locator("[data-result-card]");
  await expect(card).toContainText("0 charged twice");
  await expect(panel.locator("[data-announcement]")).toContainText("Lesson done");
  // The result card copies as text: the same measured lines the card shows.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await card.getByRole("button", { name: "Copy as text" }).click();
  await expect(card.getByRole("status")).toHaveText("Copied.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^Payment dies, the shop stays up — what this run proved\n/);
  for (const line of await card.locator("li").allInnerTexts()) expect(copied).toContain(`• ${line}`);
  expect(copied).toContain("0 charged twice");
  await everythingHealthy(request);
});
