// Messages between the supervisor and a service process over the IPC channel it was started with.
import { z } from "zod";
import { TelemetryEventSchema } from "./events";
import { FaultSchema } from "./faults";
import { ResilienceSchema } from "./resilience";

/** Where each shop service can be reached right now: service id → base URLs of its healthy instances. */
export const RegistrySchema = z.record(z.string(), z.array(z.string()));
export type Registry = z.infer<typeof RegistrySchema>;

export const ChildMessageSchema = z.discriminatedUnion("type", [
  /** The service listens and is ready for its health check. */
  z.object({ type: z.literal("ready"), port: z.number().int() }),
  /** A batch of telemetry; `dropped` counts events the service threw away because the channel was full. */
  z.object({ type: z.literal("telemetry"), events: z.array(TelemetryEventSchema), dropped: z.number().int() }),
]);
export type ChildMessage = z.infer<typeof ChildMessageSchema>;

export const ParentMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("registry"), registry: RegistrySchema }),
  /** Every fault in force; a process applies those that target it (or, in the monolith, its modules). */
  z.object({ type: z.literal("faults"), faults: z.array(FaultSchema) }),
  /** The resilience patterns the gateway's calls use now. */
  z.object({ type: z.literal("resilience"), resilience: ResilienceSchema }),
]);
export type ParentMessage = z.infer<typeof ParentMessageSchema>;
