// The fault form's rules, mirroring FaultBodySchema: which fields a fault type needs, and the body it sends.
import { FAULT_TYPES, type FaultBody, type FaultType } from "../contract/faults";
import { SHOP_SERVICE_IDS, type ShopServiceId } from "../contract/services";
import type { StackId } from "../contract/events";

/** What the form holds: text as typed, so a half-typed number is not lost. */
export interface FaultFormValues {
  service: string;
  type: string;
  ms: string;
  /** A percentage as typed (0..100); the API takes a share 0..1. */
  ratePercent: string;
  peer: string;
  /** "" means both stacks. */
  stack: string;
}

export type FaultField = "service" | "type" | "ms" | "rate" | "peer";

export const INITIAL_FAULT_FORM: FaultFormValues = { service: "product-service", type: "latency", ms: "800", ratePercent: "50", peer: "order-service", stack: "" };

/** The fields each type takes; the form shows only these. */
export function fieldsFor(type: FaultType): Array<"ms" | "rate" | "peer"> {
  if (type === "latency" || type === "slow-consumer" || type === "cpu-hog") return ["ms"];
  if (type === "errors") return ["rate"];
  if (type === "partition") return ["peer"];
  return [];
}

/** The most milliseconds a type accepts. */
export const maxMsFor = (type: FaultType): number => (type === "cpu-hog" ? 2_000 : 10_000);

const isShopService = (value: string): value is ShopServiceId => (SHOP_SERVICE_IDS as readonly string[]).includes(value);
const isFaultType = (value: string): value is FaultType => (FAULT_TYPES as readonly string[]).includes(value);

export type FaultFormCheck = { body: FaultBody; errors: null } | { body: null; errors: Partial<Record<FaultField, string>> };

/** Checks the form as the server will, and builds the body; each error is a sentence for the field it concerns. */
export function checkFaultForm(values: FaultFormValues): FaultFormCheck {
  const errors: Partial<Record<FaultField, string>> = {};
  if (!isShopService(values.service)) errors.service = "pick one of the shop's services";
  if (!isFaultType(values.type)) {
    errors.type = "pick a kind of fault";
    return { body: null, errors };
  }
  const type = values.type;
  const body: FaultBody = { service: values.service as ShopServiceId, type };
  const fields = fieldsFor(type);
  if (fields.includes("ms")) {
    const ms = Number(values.ms);
    const max = maxMsFor(type);
    if (values.ms.trim() === "" || !Number.isInteger(ms) || ms < 1 || ms > max) errors.ms = `${type} needs whole milliseconds from 1 to ${max}`;
    else body.ms = ms;
  }
  if (fields.includes("rate")) {
    const percent = Number(values.ratePercent);
    if (values.ratePercent.trim() === "" || !Number.isFinite(percent) || percent < 0 || percent > 100) errors.rate = "errors needs a share of requests from 0 to 100 %";
    else body.rate = Math.round(percent * 100) / 10_000;
  }
  if (fields.includes("peer")) {
    if (!isShopService(values.peer)) errors.peer = "partition needs the service on the other side";
    else if (values.peer === values.service) errors.peer = "a service cannot be partitioned from itself";
    else body.peer = values.peer;
  }
  if (values.stack === "microservices" || values.stack === "monolith") body.stack = values.stack as StackId;
  return Object.keys(errors).length > 0 ? { body: null, errors } : { body, errors: null };
}

/** One-click faults a teacher reaches for in front of a class. */
export const FAULT_PRESETS: ReadonlyArray<{ label: string; body: FaultBody }> = [
  { label: "Slow product-service (+800 ms)", body: { service: "product-service", type: "latency", ms: 800 } },
  { label: "Payment errors 50 %", body: { service: "payment-service", type: "errors", rate: 0.5 } },
  { label: "Slow payment consumer (+2 s a job)", body: { service: "payment-service", type: "slow-consumer", ms: 2_000 } },
  { label: "Cut order-service from product-service", body: { service: "order-service", type: "partition", peer: "product-service" } },
];

/** A fault in words, for the list of faults in force. */
export function describeFault(fault: { service: string; type: FaultType; ms?: number; rate?: number; peer?: string; stack?: string }): string {
  const what =
    fault.type === "latency" ? `+${fault.ms} ms on every request`
    : fault.type === "errors" ? `${Math.round((fault.rate ?? 0) * 100)} % of requests fail`
    : fault.type === "partition" ? `cut off from ${fault.peer}`
    : fault.type === "slow-consumer" ? `+${fault.ms} ms on every queue job`
    : fault.type === "cpu-hog" ? `blocks the CPU ${fault.ms} ms per request`
    : "its next deploy crashes at boot";
  return `${fault.service}: ${what}${fault.stack ? ` (${fault.stack} only)` : ""}`;
}
