// Drives a guided lesson through the control API as a learner would: start it (or one of its steps), answer a
// prediction, press "Show me", and read the run the server reports.
import type { LessonRun } from "../../../lib/contract/lessons";
import type { RunningApp } from "./app";
import { requestJson } from "./http";
import { waitFor } from "./wait";

export class LessonDriver {
  constructor(private readonly app: RunningApp) {}

  async post(path: string, body: unknown = {}): Promise<{ status: number; body: { run: LessonRun | null; error?: string } }> {
    return requestJson(`${this.app.origin}${path}`, { method: "POST", body, timeoutMs: 90_000 });
  }

  async run(): Promise<LessonRun | null> {
    return (await requestJson<{ run: LessonRun | null }>(`${this.app.origin}/api/lessons/run`)).body.run;
  }

  /** Starts the lesson at a step (its set-up performed) and waits until it is ready. */
  async start(lessonId: string, step?: string): Promise<LessonRun> {
    const answer = await this.post(`/api/lessons/${lessonId}/start`, step === undefined ? {} : { step });
    if (answer.status !== 200 || !answer.body.run) throw new Error(`starting ${lessonId}: ${answer.status} ${answer.body.error ?? ""}`);
    return answer.body.run;
  }

  async predict(step: string, choice: string | null): Promise<void> {
    const answer = await this.post("/api/lessons/run/predict", { step, choice });
    if (answer.status !== 200) throw new Error(`predicting ${step}: ${answer.status} ${answer.body.error ?? ""}`);
  }

  async showMe(): Promise<void> {
    const answer = await this.post("/api/lessons/run/show-me");
    if (answer.status !== 200) throw new Error(`show me: ${answer.status} ${answer.body.error ?? ""}`);
  }

  /** Waits until the step is done, and returns the run then; fails quoting the step's check list. */
  async stepDone(stepIndex: number, timeoutMs = 90_000): Promise<LessonRun> {
    let last: LessonRun | null = null;
    try {
      return await waitFor(`step ${stepIndex + 1} to be done`, async () => {
        last = await this.run();
        return last && last.steps[stepIndex].status === "done" ? last : undefined;
      }, { timeoutMs, intervalMs: 200 });
    } catch (error) {
      const step = (last as LessonRun | null)?.steps[stepIndex];
      throw new Error(`${(error as Error).message}; checks: ${JSON.stringify(step?.checks)}; contradiction: ${step?.contradiction}; error: ${(last as LessonRun | null)?.error}`);
    }
  }

  /** Waits until one of the step's check items says what `says` matches (a baseline measured, say). */
  async checkSays(stepIndex: number, label: RegExp, says: RegExp, timeoutMs = 60_000): Promise<void> {
    await waitFor(`the check “${label.source}” to say ${says.source}`, async () => {
      const check = (await this.run())?.steps[stepIndex].checks.find((candidate) => label.test(candidate.label));
      return check !== undefined && says.test(check.missing);
    }, { timeoutMs, intervalMs: 200 });
  }

  /** Waits until the active step says the run contradicts its claim, and returns that run. */
  async contradicted(stepIndex: number, timeoutMs = 60_000): Promise<LessonRun> {
    let last: LessonRun | null = null;
    try {
      return await waitFor(`step ${stepIndex + 1} to say the run contradicts its claim`, async () => {
        last = await this.run();
        return last && last.steps[stepIndex].contradiction ? last : undefined;
      }, { timeoutMs, intervalMs: 200 });
    } catch (error) {
      throw new Error(`${(error as Error).message}; checks: ${JSON.stringify((last as LessonRun | null)?.steps[stepIndex]?.checks)}`);
    }
  }
}
