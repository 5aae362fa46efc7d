// Rewind in headless Chromium: how long from a click on the timeline to the page showing that moment. The clicks are
// real mouse input at random points of the slider ("moment shown"); each is timed in the page, from the pointer going
// down to the frame after the moment shown (data-rewind-at) became the slider's new value.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { launchChromium } from "./chromium";
import { percentile } from "./app";

export interface JumpFigures {
  /** From goto to the timeline usable: the recording fetched, unpacked and read. */
  openMs: number;
  /** Events and snapshots the page holds. */
  events: number;
  snapshots: number;
  jumps: number[];
  /** Clicks after which the page never showed the moment (none expected). */
  missed: number;
}

// Given as text: the bench runs under tsx, whose helpers (e.g. __name) do not exist inside the page.
const INSTALL = `(() => {
  const slider = document.querySelector('input[type="range"][aria-label="moment shown"]');
  window.__jumps = [];
  let pending = null;
  // Capture: the first the page knows of the input, before React's own handlers.
  window.__unchanged = 0;
  window.addEventListener("pointerdown", () => { pending = { started: performance.now(), value: null }; }, true);
  // A click on the thumb, or on the step it already shows, moves nothing: counted, and another point is tried.
  window.addEventListener("pointerup", () => { if (pending && pending.value === null) { pending = null; window.__unchanged++; } }, true);
  slider.addEventListener("input", () => { if (pending) pending.value = String(Number(slider.value)); }, true);
  const done = (shown) => {
    const jump = pending;
    if (!jump || jump.value === null || shown !== jump.value) return;
    pending = null;
    // The moment is in the DOM; the frame after it is painted once this animation frame's task has run.
    requestAnimationFrame(() => setTimeout(() => window.__jumps.push(performance.now() - jump.started)));
  };
  new MutationObserver((records) => {
    for (const record of records) done(record.target.getAttribute("data-rewind-at"));
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-rewind-at"] });
})()`;

/** Clicks `count` random moments of the timeline shown, one after the other, each timed in the page. */
async function jumpAround(page: Page, count: number): Promise<{ jumps: number[]; missed: number }> {
  const slider = page.getByRole("slider", { name: "moment shown" });
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error("the timeline's slider has no box on screen");
  await page.evaluate(INSTALL);
  const jumps: number[] = [];
  let missed = 0;
  let unchanged = 0;
  let lastX = -1;
  // Inside the track: the thumb's half-width at each end moves nothing.
  const left = box.x + 8;
  const width = box.width - 16;
  while (jumps.length + missed < count && unchanged < count) {
    let x = left + Math.random() * width;
    while (Math.abs(x - lastX) < 3) x = left + Math.random() * width;
    lastX = x;
    await page.mouse.click(x, box.y + box.height / 2);
    try {
      await page.waitForFunction(`window.__jumps.length > ${jumps.length} || window.__unchanged > ${unchanged}`, undefined, { timeout: 10_000 });
      const [shown, still] = await page.evaluate<[number | undefined, number]>(`[window.__jumps[${jumps.length}], window.__unchanged]`);
      if (shown !== undefined) jumps.push(shown);
      unchanged = still;
    } catch {
      missed++;
    }
  }
  return { jumps, missed };
}

/** The end record of a saved run the page fetches or is given: how many events and snapshots it holds. */
const COUNT_RECORDS = (source: string) => `(async () => {
  const answer = await fetch(${JSON.stringify(source)});
  const text = await new Response(answer.body.pipeThrough(new DecompressionStream("gzip"))).text();
  const end = JSON.parse(text.trimEnd().split("\\n").at(-1));
  return { events: end.events, snapshots: end.snapshots };
})()`;

/**
 * Opens /rewind at 1280×800 (the server's recorded past) and clicks `count` random moments of its timeline; then, given
 * a saved-run `file`, opens it with the page's own "Open a saved run" and does the same on it.
 */
export async function measureJumps(baseUrl: string, file?: string, count = 50): Promise<{ server: JumpFigures; file?: JumpFigures }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let started = performance.now();
    await page.goto(`${baseUrl}/rewind`);
    await page.locator('[data-replay="server"]').waitFor({ timeout: 180_000 });
    const server: JumpFigures = { openMs: performance.now() - started, ...(await page.evaluate<{ events: number; snapshots: number }>(COUNT_RECORDS("/api/recording?seconds=600"))), ...(await jumpAround(page, count)) };
    if (!file) return { server };
    const { events, snapshots } = readRecordingCounts(file);
    started = performance.now();
    await page.getByLabel("Open a saved run").setInputFiles(file);
    await page.locator('[data-replay="file"]').waitFor({ timeout: 300_000 });
    return { server, file: { openMs: performance.now() - started, events, snapshots, ...(await jumpAround(page, count)) } };
  } finally {
    await browser.close();
  }
}

/** The counts a saved run's end record states. */
function readRecordingCounts(file: string): { events: number; snapshots: number } {
  const text = gunzipSync(readFileSync(file), { maxOutputLength: 2 ** 31 - 1 }).toString("utf8");
  const end = JSON.parse(text.slice(text.lastIndexOf("\n", text.length - 2) + 1)) as { events: number; snapshots: number };
  return { events: end.events, snapshots: end.snapshots };
}

export const jumpLine = (what: string, figures: JumpFigures): string =>
  `${what}: ${figures.jumps.length} random moments, p50 ${percentile(figures.jumps, 50).toFixed(0)} ms, p95 ${percentile(figures.jumps, 95).toFixed(0)} ms, max ${Math.max(...figures.jumps).toFixed(0)} ms (goal p95 < 200 ms)${figures.missed ? `; ${figures.missed} clicks never shown` : ""}`;
