// The guided lessons and the challenges in headless Chromium: every one run to the end by "Show me" (each prediction answered first),
// timing the whole suite, for each step the delay from the event that satisfied its check (the server's satisfiedAt)
// to the tick on screen, and the proof table: each lesson's claim, whether it held and the numbers it measured.
import { loadavg } from "node:os";
import { launchChromium } from "./chromium";
import { challenges, lessons as allLessons } from "../../lib/lessons/lessons";
import { ms, percentile } from "./app";
import { predictExpected, proofTable, readRun, type LessonProof } from "./lessons";

/** `only`: lesson ids to run (every lesson when absent), e.g. from BENCH_LESSONS="order-journey,payment-outage". */
export async function measureTutorial(baseUrl: string, only = process.env.BENCH_LESSONS?.split(",")): Promise<string[]> {
  // The challenges too: a tick is a tick, and "Give up: show me" reaches each goal by its solution.
  const lessons = [...allLessons(), ...challenges()].filter((lesson) => !only || only.includes(lesson.id));
  const proofs: LessonProof[] = [];
  const browser = await launchChromium();
  const ticks: Array<{ step: string; total: number; server: number; socket: number; paint: number }> = [];
  const started = performance.now();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const lesson of lessons) {
      const lessonStarted = performance.now();
      await page.goto(`${baseUrl}/tutorial/${lesson.id}/${lesson.steps[0].id}`);
      // Each tick is timed in the page, at the frame after the step's mark turned done. Given as text: under tsx a
      // function would carry helpers (__name) that do not exist inside the page.
      await page.evaluate(`(() => {
        const seen = (window.__ticks = []);
        new MutationObserver((records) => {
          for (const record of records) {
            const mark = record.target;
            if (mark.dataset.status === "done" && mark.dataset.satisfiedAt) {
              const satisfied = Number(mark.dataset.satisfiedAt), ticked = Number(mark.dataset.tickedAt ?? NaN), heard = Date.now();
              requestAnimationFrame(() => seen.push({ step: mark.dataset.stepId, total: Date.now() - satisfied, server: ticked - satisfied, socket: heard - ticked, paint: Date.now() - heard }));
            }
          }
        }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-status"] });
      })()`);
      const panel = page.locator(`.lesson-panel[data-lesson="${lesson.id}"]`);
      for (const step of lesson.steps) {
        const mark = panel.locator(`[data-step-id="${step.id}"]`);
        await panel.locator(`[data-step-id="${step.id}"][data-status="active"], [data-step-id="${step.id}"][data-status="done"]`).waitFor({ timeout: 90_000 });
        // A step that watches the previous one's effect may tick by itself before it is asked.
        if ((await mark.getAttribute("data-status")) === "active") {
          await predictExpected(baseUrl, step);
          await panel.getByRole("button", { name: /show me$/i }).click({ timeout: 60_000 }).catch(() => undefined);
        }
        await panel.locator(`[data-step-id="${step.id}"][data-status="done"]`).waitFor({ timeout: 90_000 });
      }
      await panel.locator("[data-result-card]").waitFor({ timeout: 30_000 });
      proofs.push({ lesson, ms: Math.round(performance.now() - lessonStarted), run: await readRun(baseUrl) });
      for (const tick of (await page.evaluate("window.__ticks")) as typeof ticks) ticks.push({ ...tick, step: `${lesson.id}/${tick.step}` });
    }
  } finally {
    await browser.close();
  }
  const suiteMs = performance.now() - started;
  const delays = ticks.map((tick) => tick.total);
  await fetch(`${baseUrl}/api/lessons/run/stop`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  return [
    `every lesson and challenge (${lessons.length}) run to the end by its solutions in Chromium: ${(suiteMs / 1000).toFixed(1)} s`,
    `event satisfying a check → tick on screen: p50 ${ms(percentile(delays, 50))}, p95 ${ms(percentile(delays, 95))} over ${delays.length} steps (load average ${loadavg().map((load) => load.toFixed(2)).join(" ")})`,
    // Where the time goes: the server (event → its check ticks), the socket (tick → the page's DOM), the paint (DOM → next frame).
    ...(["server", "socket", "paint"] as const).map((part) => `  of which ${part}: p50 ${ms(percentile(ticks.map((tick) => tick[part]), 50))}, p95 ${ms(percentile(ticks.map((tick) => tick[part]), 95))}`),
    `  slowest: ${[...ticks].sort((a, b) => b.total - a.total).slice(0, 3).map((tick) => `${tick.step} ${ms(tick.total)} (server ${ms(tick.server)})`).join(", ")}`,
    ...proofTable(proofs, suiteMs),
  ];
}
