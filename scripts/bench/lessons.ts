// Runs every lesson to the end by its own solutions through the control API and times it: the suite's duration,
// and for each step the time from "Show me" to the tick on the server. Used by `npm run bench` and by hand.
import type { LessonList, LessonRun } from "../../lib/contract/lessons";

const STEP_TIMEOUT_MS = 90_000;

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const parsed = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${parsed.error}`);
  return parsed;
}

export interface LessonTiming {
  lesson: string;
  ms: number;
  steps: Array<{ step: string; ms: number }>;
  result: string[];
}

export async function runLessonsBySolution(base: string, only?: string[]): Promise<LessonTiming[]> {
  const { lessons } = await call<LessonList>(base, "GET", "/api/lessons");
  const timings: LessonTiming[] = [];
  for (const lesson of lessons.filter((candidate) => !only || only.includes(candidate.id))) {
    const started = performance.now();
    await call(base, "POST", `/api/lessons/${lesson.id}/start`, {});
    const steps: LessonTiming["steps"] = [];
    let run: LessonRun | null = null;
    for (const [index, step] of lesson.steps.entries()) {
      const stepStarted = performance.now();
      await call(base, "POST", "/api/lessons/run/show-me", {});
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      for (;;) {
        run = (await call<{ run: LessonRun }>(base, "GET", "/api/lessons/run")).run;
        if (run.steps[index].status === "done") break;
        if (Date.now() > deadline) throw new Error(`${lesson.id}/${step.id} did not tick: ${JSON.stringify(run.steps[index].checks)} ${run.error ?? ""}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      steps.push({ step: step.id, ms: Math.round(performance.now() - stepStarted) });
    }
    timings.push({ lesson: lesson.id, ms: Math.round(performance.now() - started), steps, result: run?.result ?? [] });
  }
  await call(base, "POST", "/api/lessons/run/stop", {});
  return timings;
}

if (process.argv[1]?.endsWith("lessons.ts")) {
  const base = process.argv[2] ?? "http://127.0.0.1:3000";
  const started = performance.now();
  const timings = await runLessonsBySolution(base, process.argv.slice(3).length ? process.argv.slice(3) : undefined);
  for (const timing of timings) console.log(`${timing.lesson}: ${(timing.ms / 1000).toFixed(1)} s (${timing.steps.map((step) => `${step.step} ${(step.ms / 1000).toFixed(1)} s`).join(", ")})\n  ${timing.result.join("\n  ")}`);
  console.log(`every lesson by its solutions: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
