// A fast check of the telemetry a service sends over IPC, compiled once from the zod schemas in events.ts and ipc.ts:
// at 10,000 events/s, zod's full parse (a validated copy of every event) was a fifth of the server's work and most of
// its garbage. The schemas stay the one description of the shapes; this reads their fields and checks each with typeof.
import type { z } from "zod";
import { TelemetryEventSchema, type TelemetryEvent } from "./events";
import type { ChildMessage } from "./ipc";

type FieldCheck = (value: unknown) => boolean;

/** How one field of a flat event schema is checked: the kinds the events use, and nothing else (a new kind fails at load). */
function fieldCheck(schema: z.core.$ZodType, path: string): FieldCheck {
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; entries?: Record<string, string>; values?: unknown[]; checks?: Array<{ _zod: { def: { check: string; format?: string } } }> };
  switch (def.type) {
    case "string":
      return (value) => typeof value === "string";
    case "number": {
      const integer = def.checks?.some((check) => check._zod.def.check === "number_format" && /int/.test(check._zod.def.format ?? ""));
      return integer ? (value) => Number.isSafeInteger(value) : (value) => typeof value === "number" && Number.isFinite(value);
    }
    case "enum": {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => allowed.has(value as string);
    }
    case "literal": {
      const allowed = new Set(def.values);
      return (value) => allowed.has(value);
    }
    case "optional": {
      const inner = fieldCheck(def.innerType!, path);
      return (value) => value === undefined || inner(value);
    }
    case "nullable": {
      const inner = fieldCheck(def.innerType!, path);
      return (value) => value === null || inner(value);
    }
    default:
      throw new Error(`telemetry-check cannot check ${path} (a zod ${def.type}): teach it, or keep event fields flat`);
  }
}

/** Per event type, its fields and how each is checked. */
const EVENT_FIELDS = new Map<string, Array<[string, FieldCheck]>>(
  TelemetryEventSchema.options.map((option) => {
    const shape = option.shape as Record<string, z.core.$ZodType>;
    const type = (shape.type._zod.def as unknown as { values: string[] }).values[0];
    return [type, Object.entries(shape).map(([field, schema]) => [field, fieldCheck(schema, `${type}.${field}`)] as [string, FieldCheck])];
  }),
);

/** Whether `value` is a telemetry event its schema accepts (extra fields are let through rather than copied away). */
export function isTelemetryEvent(value: unknown): value is TelemetryEvent {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  const fields = EVENT_FIELDS.get(record.type as string);
  if (!fields) return false;
  for (const [field, check] of fields) if (!check(record[field])) return false;
  return true;
}

/**
 * A message from a service, checked without copying: its envelope, then each event; an event that fails is left out
 * and counted with the dropped ones, so a bug in one service shows as a loss instead of crashing the server.
 */
export function readChildMessage(raw: unknown): ChildMessage | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const message = raw as Record<string, unknown>;
  if (message.type === "ready") return Number.isSafeInteger(message.port) ? { type: "ready", port: message.port as number } : undefined;
  if (message.type !== "telemetry" || !Array.isArray(message.events) || !Number.isSafeInteger(message.dropped)) return undefined;
  const events = message.events as unknown[];
  let dropped = message.dropped as number;
  if (events.every(isTelemetryEvent)) return { type: "telemetry", events, dropped };
  const kept = events.filter(isTelemetryEvent);
  dropped += events.length - kept.length;
  return { type: "telemetry", events: kept, dropped };
}
