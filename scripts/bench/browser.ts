// The sandbox page under load, in headless Chromium: frames per second, and how soon an event is on screen.
import http from "node:http";
import { launchChromium } from "./chromium";
import type { SandboxState } from "../../lib/contract/control";
import { percentile } from "./app";
import { STOREFRONT_ROUTES, storefrontPath } from "../../lib/contract/storefront-paths";

const RPS = 200;
const SECONDS = 10;
/** Requests open at once, at most: a slow gateway must not make the load script pile up sockets. */
const MAX_IN_FLIGHT = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : "n/a");

/** GET products through the gateway at `rps` for `seconds`, paced, bounded; loopback only. */
async function driveStorefront(gateway: string, rps: number, seconds: number): Promise<{ ok: number; failed: number; elapsedS: number }> {
  const url = new URL(storefrontPath(STOREFRONT_ROUTES.products), gateway);
  if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") throw new Error(`refusing to load ${url.host}: loopback only`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });
  const get = () =>
    new Promise<boolean>((resolve) => {
      const request = http.get(url, { agent, timeout: 5_000 }, (response) => {
        response.resume();
        response.on("end", () => resolve((response.statusCode ?? 0) < 400));
      });
      request.on("timeout", () => request.destroy());
      request.on("error", () => resolve(false));
    });
  let ok = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  for (let i = 0; i < rps * seconds; i++) {
    const wait = started + (i * 1000) / rps - performance.now();
    if (wait > 1) await sleep(wait);
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const call: Promise<void> = get().then((answered) => void (answered ? ok++ : failed++));
    const tracked = call.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { ok, failed, elapsedS: (performance.now() - started) / 1000 };
}

/**
 * Opens the sandbox page in headless Chromium at 1280×800, drives 200 storefront requests a second through the
 * gateway for 10 s, and reports the page's frame rate (requestAnimationFrame counted in the page) and the delay
 * from each call's end (its event's ts) to the frame after its row was drawn in the event stream.
 */
export async function measureBrowser(baseUrl: string): Promise<string[]> {
  const state = (await (await fetch(`${baseUrl}/api/sandbox`)).json()) as SandboxState;
  const gateway = state.stacks.find((stack) => stack.id === "microservices")?.storefrontUrl;
  if (!gateway) return ["browser: skipped, the microservices stack has no gateway running"];

  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Turns on the page's render-latency stamps (lib/client/render-latency.ts); off in normal use.
    await page.addInitScript(() => {
      window.__sandboxMeasure = true;
    });
    await page.goto(baseUrl);
    await page.locator('.react-flow [data-service="api-gateway"][data-status="healthy"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 30_000 });

    // Given as text: the benchmark runs under tsx, whose helpers (e.g. __name) do not exist inside the page.
    const countFrames = () =>
      page.evaluate(`(() => {
        const frames = [];
        window.__benchFrames = frames;
        const tick = (time) => {
          frames.push(time);
          if (frames.length < 100000) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        window.__sandboxRenderLatency = [];
      })()`);
    const readFrames = () => page.evaluate(() => ({ frames: (window as unknown as { __benchFrames: number[] }).__benchFrames.splice(0), latency: window.__sandboxRenderLatency ?? [] }));
    const fpsOf = (frames: number[]) => {
      if (frames.length < 2) return { mean: 0, worstSecond: 0 };
      const mean = ((frames.length - 1) * 1000) / (frames.at(-1)! - frames[0]);
      let worstSecond = Infinity;
      for (let start = frames[0]; start + 1000 <= frames.at(-1)!; start += 250) worstSecond = Math.min(worstSecond, frames.filter((time) => time >= start && time < start + 1000).length);
      return { mean, worstSecond: Number.isFinite(worstSecond) ? worstSecond : mean };
    };

    await countFrames();
    await sleep(2_000);
    const idle = fpsOf((await readFrames()).frames);

    await countFrames();
    const load = await driveStorefront(gateway, RPS, SECONDS);
    const { frames, latency } = await readFrames();
    const busy = fpsOf(frames);
    const dots = await page.evaluate(() => document.querySelectorAll(".edge-dots .dot").length);
    return [
      `browser (headless Chromium, 1280×800): ${load.ok} storefront GETs in ${load.elapsedS.toFixed(1)} s (${(load.ok / load.elapsedS).toFixed(0)}/s, ${load.failed} failed)`,
      `  frames per second: idle ${idle.mean.toFixed(0)}; under load mean ${busy.mean.toFixed(0)}, worst second ${busy.worstSecond.toFixed(0)} (goal ≥ 30)`,
      `  event to screen (call ends → its row drawn): p50 ${ms(percentile(latency, 50))}, p95 ${ms(percentile(latency, 95))} over ${latency.length} rows (goal p95 < 150 ms)`,
      `  dots in flight when the load ended: ${dots} (capped)`,
    ];
  } finally {
    await browser.close();
  }
}
