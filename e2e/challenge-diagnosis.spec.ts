// A diagnosis challenge in Chromium, as a learner meets it: the Challenges tab of the course map, the goal and the
// count, a wrong name that does not pass, and the culprit, hidden from everything the browser received (every socket
// frame, every answer of the app) until "Show me" names it; named, it shows on its box like any fault.
import { expect, test } from "@playwright/test";
import { findLesson } from "../lib/lessons/lessons";

test("who-broke-the-shop: hidden from the browser until named, a wrong guess keeps it open, named it shows on its box", async ({ page }) => {
  test.setTimeout(120_000);
  const received: string[] = [];
  page.on("websocket", (socket) => socket.on("framereceived", (frame) => received.push(String(frame.payload))));
  page.on("response", async (response) => {
    if (new URL(response.url()).pathname.startsWith("/api/")) received.push(await response.text().catch(() => ""));
  });

  await page.goto("/tutorial");
  await page.getByRole("tab", { name: "Challenges" }).click();
  await expect(page.locator("[data-challenge-card]")).toHaveCount(6);
  await page.getByRole("link", { name: "Who broke the shop?" }).click();

  const panel = page.locator('.lesson-panel[data-lesson="who-broke-the-shop"]');
  await expect(panel).toHaveAttribute("data-step-status", "active", { timeout: 60_000 });
  await expect(panel.locator(".lesson-preparing")).toHaveCount(0, { timeout: 60_000 });
  await expect(panel.locator("[data-challenge-goal]")).toContainText("Name the service at fault");
  await expect(panel.locator(".lesson-pointer")).toHaveCount(0);
  // Shoppers' calls arrive in the stream while the hidden fault bites.
  await expect.poll(() => received.filter((frame) => frame.includes('"events"')).length, { timeout: 30_000 }).toBeGreaterThan(20);

  for (const frame of received) {
    expect(frame).not.toMatch(/"faults":\[\{/);
    expect(frame).not.toMatch(/injected/i);
  }
  await expect(page.locator(".react-flow [data-fault-badge]")).toHaveCount(0);

  // A wrong name: no culprit of this challenge is a partition on payment-service.
  expect(findLesson("who-broke-the-shop")!.challenge!.culprits!.some((culprit) => culprit.service === "payment-service")).toBe(false);
  const form = panel.getByRole("form", { name: "name the culprit" });
  await form.getByLabel("service").selectOption("payment-service");
  await form.getByLabel("fault").selectOption("partition");
  await form.getByRole("button", { name: "Name it" }).click();
  await expect(form.getByRole("list", { name: "your guesses" })).toContainText("not a partition fault on payment-service");
  await expect(panel).toHaveAttribute("data-step-status", "active");

  await panel.getByRole("button", { name: "Give up: show me" }).click();
  await expect(panel.locator('[data-step-id="name"]')).toHaveAttribute("data-status", "done", { timeout: 15_000 });
  await panel.getByRole("button", { name: "Back" }).click();
  const named = panel.locator("[data-culprit-named]");
  await expect(named).toBeVisible();
  const [, service] = /fault on (\S+)\./.exec((await named.innerText()).replace(/\s+/g, " "))!;
  await expect(page.locator(`.react-flow [data-service="${service}"] [data-fault-badge]`)).toHaveCount(1);
});
