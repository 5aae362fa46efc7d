// The sandbox control API: request bodies it accepts and the state it reports.
import { z } from "zod";
import { ArchitectureSchema, ServiceKindSchema, ServiceStatusSchema } from "./services";
import { StackIdSchema } from "./events";

export const RedeployBodySchema = z
  .object({ strategy: z.enum(["recreate", "rolling"]).default("recreate") })
  .strict();
export type RedeployBody = z.infer<typeof RedeployBodySchema>;

export const ServiceActionSchema = z.enum(["kill", "stop", "start", "redeploy"]);
export type ServiceAction = z.infer<typeof ServiceActionSchema>;

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
  restarts: z.number().int(),
  startedAt: z.number().nullable(),
  replicas: z.number().int(),
  instances: z.array(InstanceViewSchema),
  /** Why the service is in its current state, in words ("killed by the user", "exited with code 1"). */
  reason: z.string(),
  /** A broker given through REDIS_URL is not the sandbox's to kill. */
  managed: z.boolean(),
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
});
export type SandboxState = z.infer<typeof SandboxStateSchema>;

export const ErrorBodySchema = z.object({ error: z.string() });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
