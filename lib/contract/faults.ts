// Faults the user injects into the running shop: what each type means, the body that asks for one, and the fault.
import { z } from "zod";
import { SHOP_SERVICE_IDS } from "./services";
import { StackIdSchema } from "./events";

export const FAULT_TYPES = ["latency", "errors", "partition", "slow-consumer", "cpu-hog", "crash-on-start"] as const;
export const FaultTypeSchema = z.enum(FAULT_TYPES);
/** Faults that make a service slower rather than failing it: the reading says which features they slowed. */
export const SLOWING_FAULTS: ReadonlySet<FaultType> = new Set(["latency", "cpu-hog", "slow-consumer"]);
export type FaultType = z.infer<typeof FaultTypeSchema>;

/** What each fault does, in the words the screen uses. */
export const FAULT_DESCRIPTIONS: Record<FaultType, string> = {
  latency: "adds `ms` milliseconds to every request the service answers",
  errors: "answers a share `rate` (0..1) of requests with a 500",
  partition: "no calls between the service and `peer`, in either direction (between processes only)",
  "slow-consumer": "takes `ms` milliseconds longer over every queue job",
  "cpu-hog": "blocks the event loop for `ms` milliseconds on every request and every queue job",
  "crash-on-start": "the next deploys of the service crash at boot (a bad release)",
};

/** A fault targets one shop module; in the monolith the same module is hit inside the one process. */
const targetSchema = z.enum([...SHOP_SERVICE_IDS]);

export const FaultBodySchema = z
  .object({
    service: targetSchema,
    type: FaultTypeSchema,
    ms: z.number().int().min(1).max(10_000).optional(),
    rate: z.number().min(0).max(1).optional(),
    peer: targetSchema.optional(),
    /** Only this stack; both stacks when absent. */
    stack: StackIdSchema.optional(),
  })
  .strict()
  .superRefine((body, context) => {
    const need = (field: "ms" | "rate" | "peer", why: string) => {
      if (body[field] === undefined) context.addIssue({ code: "custom", path: [field], message: `${body.type} needs ${field}: ${why}` });
    };
    const refuse = (field: "ms" | "rate" | "peer") => {
      if (body[field] !== undefined) context.addIssue({ code: "custom", path: [field], message: `${body.type} takes no ${field}` });
    };
    if (body.type === "latency" || body.type === "slow-consumer") (need("ms", "milliseconds, 1 to 10000"), refuse("rate"), refuse("peer"));
    if (body.type === "cpu-hog") {
      need("ms", "milliseconds of blocking per request, 1 to 2000");
      if (body.ms !== undefined && body.ms > 2_000) context.addIssue({ code: "custom", path: ["ms"], message: "cpu-hog blocks at most 2000 ms per request" });
      refuse("rate");
      refuse("peer");
    }
    if (body.type === "errors") (need("rate", "the share of requests that fail, 0 to 1"), refuse("ms"), refuse("peer"));
    if (body.type === "partition") {
      need("peer", "the service on the other side of the partition");
      if (body.peer === body.service) context.addIssue({ code: "custom", path: ["peer"], message: "a service cannot be partitioned from itself" });
      refuse("ms");
      refuse("rate");
    }
    if (body.type === "crash-on-start") (refuse("ms"), refuse("rate"), refuse("peer"));
  });
export type FaultBody = z.infer<typeof FaultBodySchema>;

export const FaultSchema = z.object({
  id: z.string(),
  service: targetSchema,
  type: FaultTypeSchema,
  ms: z.number().optional(),
  rate: z.number().optional(),
  peer: targetSchema.optional(),
  stack: StackIdSchema.optional(),
  createdAt: z.number(),
  /** Sent to the processes only: a diagnosis challenge's culprit, whose failures must not name it. */
  hidden: z.boolean().optional(),
});
export type Fault = z.infer<typeof FaultSchema>;
