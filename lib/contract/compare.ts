// The Compare screen's figures: the two stacks side by side, every number measured from the running processes.
import { z } from "zod";
import { ServiceMetricsSchema } from "./control";
import { StackIdSchema } from "./events";

/** The storefront's features, as a shopper sees them; each storefront route belongs to one. */
export const FEATURES = ["browse", "log in", "register", "order", "my orders", "notifications", "profile"] as const;
export const FeatureSchema = z.enum(FEATURES);
export type Feature = z.infer<typeof FeatureSchema>;

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

export const StackComparisonSchema = z.object({
  stack: StackIdSchema,
  running: z.boolean(),
  /** The shopper's view and the processes' totals, from GET /api/metrics. */
  figures: ServiceMetricsSchema.omit({ id: true }).nullable(),
  lastRedeploy: RedeployImpactSchema.nullable(),
  lastFailure: FailureImpactSchema.nullable(),
});
export type StackComparison = z.infer<typeof StackComparisonSchema>;

export const ComparisonSchema = z.object({
  stacks: z.array(StackComparisonSchema),
  /** A few sentences reading the numbers above; each is drawn from them, none is canned. */
  reading: z.array(z.string()),
});
export type Comparison = z.infer<typeof ComparisonSchema>;
