// Ready-made failure scenarios: what each sets up, how long it runs, what the learner should watch, its live figure
// while it runs and the summary of what it measured once it ends.
import { z } from "zod";

export const ScenarioSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** What it sets up, in a sentence or two. */
  setup: z.string(),
  /** What to watch on the graph and in the numbers. */
  watch: z.string(),
  /** The architecture it needs; it switches to it when started. */
  architecture: z.enum(["microservices", "monolith", "both"]),
  /** How long it runs before it stops by itself and puts everything back. */
  durationS: z.number().int().positive(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

/** What a finished run measured: sentences for the learner and the same figures as numbers. */
export const ScenarioSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  startedAt: z.number(),
  endedAt: z.number(),
  /** "time": it ran its stated duration; "stop": someone stopped it earlier. */
  endedBy: z.enum(["time", "stop"]),
  lines: z.array(z.string()),
  figures: z.record(z.string(), z.number()),
  /** What putting the sandbox back could not do, in words (empty when everything went back). */
  restoreProblems: z.array(z.string()),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

export const ActiveScenarioSchema = z.object({
  id: z.string(),
  startedAt: z.number(),
  /** When it stops by itself. */
  endsAt: z.number(),
  steps: z.array(z.string()),
  /** Its key figure now, in words (e.g. "7 orders accepted while payment-service is down"); null before the first reading. */
  figure: z.string().nullable(),
});

export const ScenariosViewSchema = z.object({
  scenarios: z.array(ScenarioSchema),
  /** The scenario running now, with what it has done so far; null when none. */
  active: ActiveScenarioSchema.nullable(),
  /** The summary of the last run that ended; null before any has. */
  last: ScenarioSummarySchema.nullable(),
});
export type ScenariosView = z.infer<typeof ScenariosViewSchema>;

/** A scenario's steps are told as log lines of this pseudo-service, so the stream and the recording keep them. */
export const SCENARIO_LOG_SERVICE = "scenario";
