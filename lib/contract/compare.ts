// The Compare screen's figures: the two stacks side by side, every number measured from the running processes.
import { z } from "zod";
import { StackMetricsSchema } from "./control";
import { StackIdSchema } from "./events";

import { FeatureSchema } from "./features";

export { FEATURES, FeatureSchema, type Feature } from "./features";

export const RedeployImpactSchema = z.object({
  service: z.string(),
  strategy: z.enum(["recreate", "rolling"]),
  startedAt: z.number(),
  /** Null while it is still under way. */
  endedAt: z.number().nullable(),
  /** Shoppers' requests into this stack while it ran (and for a moment after). */
  requests: z.number().int(),
  failed: z.number().int(),
  /** The longest stretch in which every shopper's request failed, in ms: how long the shop was unavailable. */
  unavailableMs: z.number(),
});
export type RedeployImpact = z.infer<typeof RedeployImpactSchema>;

export const FailureImpactSchema = z.object({
  /** What happened, in words: "payment-service was killed", "latency fault on product-service". */
  what: z.string(),
  service: z.string(),
  at: z.number(),
  /** Features with failed requests since, and features that kept working (had requests, none failed). */
  failedFeatures: z.array(FeatureSchema),
  workingFeatures: z.array(FeatureSchema),
  requests: z.number().int(),
  failed: z.number().int(),
});
export type FailureImpact = z.infer<typeof FailureImpactSchema>;

/** A service running more than one instance (for the monolith: whole copies), and what its copies weigh. */
export const ScaledServiceSchema = z.object({
  service: z.string(),
  replicas: z.number().int(),
  /** Live processes of it now, and their resident memory in all and per copy. */
  processes: z.number().int(),
  rssBytes: z.number(),
  perCopyBytes: z.number(),
});
export type ScaledService = z.infer<typeof ScaledServiceSchema>;

export const SlowedSchema = z.object({
  /** The fault that set the "before" figures, in words. */
  what: z.string(),
  since: z.number(),
  /** Shoppers' features whose p95 is now well above what it was just before the fault. */
  features: z.array(z.object({ feature: FeatureSchema, beforeP95Ms: z.number(), nowP95Ms: z.number() })),
});
export type Slowed = z.infer<typeof SlowedSchema>;

export const StackComparisonSchema = z.object({
  stack: StackIdSchema,
  /** Part of the current architecture. */
  running: z.boolean(),
  /** Running and reachable by shoppers now (a healthy gateway or monolith copy). */
  up: z.boolean(),
  /** What shoppers got (measured at their side), the processes' own view and their totals: GET /api/metrics. */
  figures: StackMetricsSchema.nullable(),
  scaled: z.array(ScaledServiceSchema),
  /** While a slowing fault is in force and there were figures from before it; null otherwise. */
  slowed: SlowedSchema.nullable(),
  /** Within the current experiment only (since traffic last started, the architecture last changed or a reset). */
  lastRedeploy: RedeployImpactSchema.nullable(),
  lastFailure: FailureImpactSchema.nullable(),
});
export type StackComparison = z.infer<typeof StackComparisonSchema>;

export const ComparisonSchema = z.object({
  stacks: z.array(StackComparisonSchema),
  /** When the current experiment began: the reading and the incidents cover what happened since. */
  experimentSince: z.number().nullable(),
  /** A few sentences reading the numbers above; each is drawn from them, none is canned. */
  reading: z.array(z.string()),
});
export type Comparison = z.infer<typeof ComparisonSchema>;
