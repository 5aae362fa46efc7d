// The sandbox control API: request bodies it accepts and the state it reports.
import { z } from "zod";
import { ArchitectureSchema, ServiceKindSchema, ServiceStatusSchema } from "./services";
import { StackIdSchema } from "./events";
import { FaultSchema } from "./faults";
import { ResilienceSchema } from "./resilience";
import { FeatureSchema } from "./features";

export const RedeployBodySchema = z
  .object({ strategy: z.enum(["recreate", "rolling"]).default("recreate") })
  .strict();

export const ArchitectureBodySchema = z.object({ architecture: ArchitectureSchema }).strict();

/** How many instances of a service run; for the monolith, how many whole copies. */
export const MAX_REPLICAS = 5;
export const ScaleBodySchema = z.object({ replicas: z.number().int().min(1).max(MAX_REPLICAS) }).strict();

/** What the supervisor does when a service dies on its own: nothing, or start it again with growing pauses. */
export const RestartPolicySchema = z.enum(["never", "on-failure"]);
export type RestartPolicy = z.infer<typeof RestartPolicySchema>;
export const RestartPolicyBodySchema = z.object({ restart: RestartPolicySchema }).strict();

export const ServiceActionSchema = z.enum(["kill", "stop", "start", "redeploy"]);
export type ServiceAction = z.infer<typeof ServiceActionSchema>;
/** Every action on one service, as the last part of its path: POST /api/services/<id>/<action>. */
export const SERVICE_ROUTE_ACTIONS = [...ServiceActionSchema.options, "scale", "restart-policy"] as const;
export type ServiceRouteAction = (typeof SERVICE_ROUTE_ACTIONS)[number];

export const InstanceViewSchema = z.object({
  instanceId: z.string(),
  status: ServiceStatusSchema,
  pid: z.number().int().nullable(),
  port: z.number().int().nullable(),
  version: z.number().int(),
  startedAt: z.number().nullable(),
});
export type InstanceView = z.infer<typeof InstanceViewSchema>;

export const ServiceViewSchema = z.object({
  id: z.string(),
  stack: StackIdSchema,
  kind: ServiceKindSchema,
  status: ServiceStatusSchema,
  pid: z.number().int().nullable(),
  /** TCP port, or null for a broker reached through a unix socket. */
  port: z.number().int().nullable(),
  /** Where the service is reached: http://127.0.0.1:port, or the broker's socket path. */
  address: z.string().nullable(),
  version: z.number().int(),
  /** Unplanned restarts: a crash brought back by the restart policy. A start, a redeploy or a scale asked for is none. */
  restarts: z.number().int(),
  startedAt: z.number().nullable(),
  replicas: z.number().int(),
  instances: z.array(InstanceViewSchema),
  /** Why the service is in its current state, in words ("killed by the user", "exited with code 1"). */
  reason: z.string(),
  /** A broker given through REDIS_URL is not the sandbox's to kill. */
  managed: z.boolean(),
  restartPolicy: RestartPolicySchema,
  /** The last deploy that did not go as asked, e.g. a rolling deploy rolled back; null when none. */
  lastDeploy: z
    .object({ strategy: z.enum(["recreate", "rolling"]), version: z.number().int(), outcome: z.enum(["succeeded", "rolled-back", "failed"]), at: z.number(), reason: z.string() })
    .nullable(),
});
export type ServiceView = z.infer<typeof ServiceViewSchema>;

export const QueueViewSchema = z.object({
  name: z.string(),
  waiting: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  delayed: z.number().int(),
});
export type QueueView = z.infer<typeof QueueViewSchema>;

export const StackViewSchema = z.object({
  id: StackIdSchema,
  storefrontUrl: z.string().nullable(),
  status: z.enum(["starting", "running", "degraded", "stopped"]),
});
export type StackView = z.infer<typeof StackViewSchema>;

export const SandboxStateSchema = z.object({
  architecture: ArchitectureSchema,
  stacks: z.array(StackViewSchema),
  services: z.array(ServiceViewSchema),
  queues: z.array(QueueViewSchema),
  /** Telemetry events thrown away because a service or a client could not keep up. */
  droppedEvents: z.number().int(),
  faults: z.array(FaultSchema),
  resilience: ResilienceSchema,
  /** Architecture switch or reset under way, in words; null when idle. */
  transition: z.string().nullable(),
});
export type SandboxState = z.infer<typeof SandboxStateSchema>;

export const ErrorBodySchema = z.object({ error: z.string() });

/** Generated traffic stops by itself after this long unless told otherwise. */
export const DEFAULT_TRAFFIC_S = 120;
export const TrafficBodySchema = z
  .object({
    rps: z.number().int().min(1).max(500),
    /** Which running stacks get the traffic; every running stack, equally, when absent. */
    stack: StackIdSchema.optional(),
    /** Stops by itself after this long; after DEFAULT_TRAFFIC_S when absent, so traffic never runs on forgotten. */
    durationS: z.number().int().min(1).max(3_600).optional(),
  })
  .strict();
export type TrafficBody = z.infer<typeof TrafficBodySchema>;

export const TrafficStackViewSchema = z.object({
  stack: StackIdSchema,
  sent: z.number().int(),
  ok: z.number().int(),
  failed: z.number().int(),
  /** Answered 429: the shop refused the request (too many attempts), neither served nor broken. */
  refused: z.number().int(),
  ordersAccepted: z.number().int(),
  /** Requests not sent, for either reason below. */
  skipped: z.number().int(),
  /**
   * Of those, given up because the sandbox's own event loop stalled for longer than the generator catches up (a
   * second's worth): sent late they would have been a burst. The rest were skipped because the stack already had the
   * most requests in flight the generator allows.
   */
  skippedLate: z.number().int().optional(),
  /** The longest the generator's timer was late in this run, in ms: how long the sandbox's event loop stalled. */
  longestStallMs: z.number().optional(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
});
export const TrafficViewSchema = z.object({
  running: z.boolean(),
  /** Requests/s each stack in `stacks` gets: with no stack given, every running stack gets all of it. */
  rps: z.number().int(),
  /** The settings in words, e.g. "30 requests/s to each of microservices and monolith, for 4 s". */
  summary: z.string(),
  stacks: z.array(TrafficStackViewSchema),
  startedAt: z.number().nullable(),
  endsAt: z.number().nullable(),
  /** Once a run has ended: what it measured, in a sentence per stack; null while it runs or before any. */
  result: z.string().nullable(),
});
export type TrafficView = z.infer<typeof TrafficViewSchema>;

const latency = { p50Ms: z.number().nullable(), p95Ms: z.number().nullable() };
export const ServiceMetricsSchema = z.object({
  id: z.string(),
  stack: StackIdSchema,
  /** At least one instance healthy or unhealthy (alive); a dead service's zeros below mean "nothing measured". */
  up: z.boolean(),
  rps: z.number(),
  ...latency,
  errorRate: z.number(),
  cpuPercent: z.number(),
  rssBytes: z.number(),
  processes: z.number().int(),
});
export type ServiceMetrics = z.infer<typeof ServiceMetricsSchema>;
/** What shoppers got from a stack, measured at the shoppers' side (traffic generator, storefront proxy). */
export const ShopperFiguresSchema = z.object({
  windowS: z.number(),
  /** Requests sent per second, answered or not: shown only where labelled "sent". */
  rps: z.number(),
  /** Throughput: requests answered without failing, per second. The one figure shown as throughput anywhere. */
  answeredRps: z.number(),
  requests: z.number().int(),
  failed: z.number().int(),
  errorRate: z.number(),
  /** Of the answers that did not fail: a failure is never counted as a (fast) answer. Null when none succeeded. */
  ...latency,
  features: z.array(z.object({ feature: FeatureSchema, requests: z.number().int(), failed: z.number().int(), errorRate: z.number(), ...latency })),
});
export type ShopperFigures = z.infer<typeof ShopperFiguresSchema>;

export const StackMetricsSchema = ServiceMetricsSchema.omit({ id: true }).extend({
  /** Whether shoppers can reach the stack now: at least one healthy entry (gateway or monolith copy). */
  up: z.boolean(),
  /**
   * rps above is the shoppers' throughput (`shoppers.answeredRps`: answered without failing); p50Ms, p95Ms and
   * errorRate are the shoppers' too. `processView` is the processes' own view: all null and zero while the entry is down.
   */
  shoppers: ShopperFiguresSchema,
  /**
   * The entry process's own timing of the calls it served: leaves out time a request waited behind a blocked
   * event loop, and says nothing while the process is dead. Labelled as such wherever it is shown.
   */
  processView: z.object({ rps: z.number(), ...latency, errorRate: z.number() }),
});
export type StackMetrics = z.infer<typeof StackMetricsSchema>;

export const MetricsSchema = z.object({
  windowS: z.number(),
  services: z.array(ServiceMetricsSchema),
  /** Per stack: what shoppers got (measured at their side), the processes' own view, and the processes' totals. */
  stacks: z.array(StackMetricsSchema),
  queues: z.array(z.object({ name: z.string(), stack: StackIdSchema, depth: z.number().int(), addedPerS: z.number(), completedPerS: z.number() })),
});
export type Metrics = z.infer<typeof MetricsSchema>;

export const AuditSchema = z.object({
  stack: StackIdSchema,
  orders: z.number().int(),
  pending: z.number().int(),
  paid: z.number().int(),
  paymentFailed: z.number().int(),
  chargedTwice: z.number().int(),
  stockMismatches: z.number().int(),
  /** Sentences a person can read about anything found wrong. */
  problems: z.array(z.string()),
});
export type Audit = z.infer<typeof AuditSchema>;
