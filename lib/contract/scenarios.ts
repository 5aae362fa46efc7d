// Ready-made failure scenarios: what each sets up and what the learner should watch.
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
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const ScenariosViewSchema = z.object({
  scenarios: z.array(ScenarioSchema),
  /** The scenario running now, with what it has done so far; null when none. */
  active: z.object({ id: z.string(), startedAt: z.number(), steps: z.array(z.string()) }).nullable(),
});
export type ScenariosView = z.infer<typeof ScenariosViewSchema>;
