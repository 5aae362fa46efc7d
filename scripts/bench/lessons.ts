// Every lesson run to its end by its own solutions, each prediction answered with the expected choice, and the proof
// read back from the server: for each lesson its claim, whether every step passed on its numbers and every prediction
// was borne out, and the numbers this run measured. Used by `npm run bench` (after the lessons run in Chromium) and
// by hand through the control API: `node --import tsx scripts/bench/lessons.ts [base] [lesson ids…]`.
import type { Lesson, LessonRun } from "../../lib/contract/lessons";
import { challenges, lessons } from "../../lib/lessons/lessons";

const STEP_TIMEOUT_MS = 90_000;

export interface LessonProof {
  lesson: Lesson;
  ms: number;
  run: LessonRun | null;
}

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const parsed = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${parsed.error}`);
  return parsed;
}

export const readRun = async (base: string) => (await call<{ run: LessonRun | null }>(base, "GET", "/api/lessons/run")).run;

/** The expected answer to a step's prediction, locked before its experiment starts, as a learner who knows it would. */
export async function predictExpected(base: string, step: Lesson["steps"][number]): Promise<void> {
  if (step.predict) await call(base, "POST", "/api/lessons/run/predict", { step: step.id, choice: step.predict.expected });
}

/** Runs the lessons through the control API alone: start, predict, Show me, wait for the tick; the run as it ended. */
export async function proveLessonsByApi(base: string, only?: string[]): Promise<LessonProof[]> {
  const proofs: LessonProof[] = [];
  for (const lesson of [...lessons(), ...challenges()].filter((candidate) => !only || only.includes(candidate.id))) {
    const started = performance.now();
    await call(base, "POST", `/api/lessons/${lesson.id}/start`, {});
    let run: LessonRun | null = null;
    for (const [index, step] of lesson.steps.entries()) {
      run = await readRun(base);
      if (run?.steps[index].status !== "done") {
        await predictExpected(base, step);
        await call(base, "POST", "/api/lessons/run/show-me", {});
      }
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      while ((run = await readRun(base))?.steps[index].status !== "done" && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      if (run?.steps[index].status !== "done") break;
    }
    proofs.push({ lesson, ms: Math.round(performance.now() - started), run });
  }
  await call(base, "POST", "/api/lessons/run/stop", {});
  return proofs;
}

/** Every step passed on its numbers, every prediction's expected answer was borne out, and the result card was filled. */
const holds = ({ lesson, run }: LessonProof): boolean =>
  run !== null && run.result !== null && lesson.steps.every((step, index) => run.steps[index].status === "done" && (!step.predict || run.steps[index].verdict?.correct === true));

/** Lesson → claim → numbers → holds: one block per lesson, then the suite's duration. */
export function proofTable(proofs: readonly LessonProof[], suiteMs: number): string[] {
  const lines = ["lesson                 holds  steps  predictions  time    claim, then what this run measured"];
  for (const proof of proofs) {
    const { lesson, ms, run } = proof;
    const done = run?.steps.filter((step) => step.status === "done").length ?? 0;
    const right = run?.steps.filter((step) => step.verdict?.correct === true).length ?? 0;
    const asked = lesson.steps.filter((step) => step.predict).length;
    const open = run?.steps.find((step) => step.status !== "done" && step.status !== "skipped");
    lines.push(`${lesson.id.padEnd(22)} ${(holds(proof) ? "yes" : "NO").padEnd(6)} ${`${done}/${lesson.steps.length}`.padEnd(6)} ${`${right}/${asked} right`.padEnd(12)} ${`${(ms / 1000).toFixed(1)} s`.padEnd(7)} ${lesson.proves}`);
    for (const line of run?.result ?? []) lines.push(`${" ".repeat(56)}· ${line}`);
    if (open) lines.push(`${" ".repeat(56)}open: ${open.id}: ${open.contradiction ?? open.checks.filter((check) => !check.met).map((check) => `${check.label} (${check.missing})`).join("; ")}`);
  }
  const held = proofs.filter(holds).length;
  lines.push(`${held} of ${proofs.length} lessons proved their claim on their own numbers; the suite took ${(suiteMs / 1000).toFixed(1)} s`);
  return lines;
}

if (process.argv[1]?.endsWith("lessons.ts")) {
  const base = process.argv[2] ?? "http://127.0.0.1:3000";
  const started = performance.now();
  const proofs = await proveLessonsByApi(base, process.argv.slice(3).length ? process.argv.slice(3) : undefined);
  for (const line of proofTable(proofs, performance.now() - started)) console.log(line);
}
