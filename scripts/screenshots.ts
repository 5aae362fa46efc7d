// `npm run screenshots`: starts the real app, opens it in headless Chromium at 1280×800 and writes the README's
// pictures (docs/screenshots/*.png) — the Sandbox screen under traffic, a lesson step, and the Sandbox screen rewound
// to a kill — so they stay true.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "./bench/chromium";
import { allHealthy, startApp, waitFor } from "./bench/app";

const port = Number(process.env.SCREENSHOTS_PORT ?? 3310);
const outDir = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "docs", "screenshots");
mkdirSync(outDir, { recursive: true });

const app = startApp(port);
const browser = await launchChromium();
try {
  await waitFor("every service healthy", async () => (allHealthy(await app.state()) ? true : undefined));
  const post = (path: string, body: unknown) => fetch(`${app.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

  await post("/api/traffic", { rps: 20, durationS: 20 });
  await page.goto(app.baseUrl);
  await page.locator('.react-flow [data-service="api-gateway"][data-status="healthy"]').waitFor({ timeout: 30_000 });
  await page.locator(".stream-row").first().waitFor({ timeout: 30_000 }).catch(() => undefined);
  await page.screenshot({ path: path.join(outDir, "sandbox.png") });

  // A lesson at its second step: payment-service killed by the first, the prediction open, the checks live.
  await page.goto(`${app.baseUrl}/tutorial/payment-outage/accept-orders`);
  const panel = page.locator('.lesson-panel[data-lesson="payment-outage"][data-step-status="active"]');
  await panel.waitFor({ timeout: 60_000 });
  await page.getByLabel("Orders are accepted and wait").check();
  await post("/api/lessons/run/show-me", {});
  await page.locator(".lesson-checks li[data-met=\"true\"]").first().waitFor({ timeout: 30_000 }).catch(() => undefined);
  await page.screenshot({ path: path.join(outDir, "lesson-step.png") });
  await post("/api/lessons/run/stop", {});

  // The same sandbox rewound to the lesson's kill of payment-service: the timeline under the graph, its marks.
  await post("/api/services/payment-service/start", {});
  await page.goto(app.baseUrl);
  await page.getByRole("button", { name: "⟲ Rewind" }).click();
  const kill = page.getByRole("list", { name: "marks on the timeline" }).getByRole("button", { name: /payment-service (killed|crashed|stopped)$/ }).last();
  await kill.waitFor({ timeout: 30_000 });
  await kill.focus();
  await page.keyboard.press("Enter");
  await page.locator('.react-flow [data-service="payment-service"][data-status="stopped"]').waitFor({ timeout: 10_000 }).catch(() => undefined);
  await page.screenshot({ path: path.join(outDir, "rewound.png") });
  console.log(`wrote ${path.join(outDir, "sandbox.png")}, lesson-step.png and rewound.png`);
} finally {
  await browser.close();
  await app.stop();
}
