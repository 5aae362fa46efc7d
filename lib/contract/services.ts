// The shop's services, their statuses and how they talk to each other: the map every part of the sandbox shares. The
// plain values live in service-names.ts (no zod, for the shop's processes) and are re-exported here.
import { z } from "zod";
import { BROKER_ID, MONOLITH_ID, SHOP_SERVICE_IDS, type ServiceId } from "./service-names";

export * from "./service-names";

export const ServiceIdSchema = z.enum([...SHOP_SERVICE_IDS, BROKER_ID, MONOLITH_ID]) satisfies z.ZodType<ServiceId>;

export const ServiceKindSchema = z.enum(["service", "broker"]);
export type ServiceKind = z.infer<typeof ServiceKindSchema>;

export const ServiceStatusSchema = z.enum(["starting", "healthy", "unhealthy", "stopping", "stopped", "crashed"]);
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;

export const ArchitectureSchema = z.enum(["microservices", "monolith", "both"]);
export type Architecture = z.infer<typeof ArchitectureSchema>;

