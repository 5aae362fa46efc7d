// Reads a message of the supervisor without zod (loading it costs ~70 ms of every start): the supervisor sends what it
// built from state it checked itself (the control API checks every fault and resilience body with the contract's
// schemas); this checks the shape, so a stray message is ignored rather than applied.
import type { Fault } from "../../../lib/contract/faults";
import type { ParentMessage, Registry } from "../../../lib/contract/ipc";
import type { Resilience } from "../../../lib/contract/resilience";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isInt = (value: unknown): value is number => Number.isInteger(value);

function registryOf(value: unknown): Registry | undefined {
  return isRecord(value) && Object.values(value).every((addresses) => Array.isArray(addresses) && addresses.every((address) => typeof address === "string")) ? (value as Registry) : undefined;
}

function faultsOf(value: unknown): Fault[] | undefined {
  const isFault = (fault: unknown) => isRecord(fault) && typeof fault.id === "string" && typeof fault.service === "string" && typeof fault.type === "string" && typeof fault.createdAt === "number";
  return Array.isArray(value) && value.every(isFault) ? (value as Fault[]) : undefined;
}

function resilienceOf(value: unknown): Resilience | undefined {
  if (!isRecord(value) || typeof value.timeouts !== "boolean" || typeof value.circuitBreaker !== "boolean" || typeof value.readinessChecks !== "boolean" || !isInt(value.timeoutMs) || !isInt(value.retries)) return undefined;
  return { timeouts: value.timeouts, timeoutMs: value.timeoutMs, retries: value.retries, circuitBreaker: value.circuitBreaker, readinessChecks: value.readinessChecks };
}

export function readParentMessage(raw: unknown): ParentMessage | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.type === "registry") {
    const registry = registryOf(raw.registry);
    return registry && { type: "registry", registry };
  }
  if (raw.type === "faults") {
    const faults = faultsOf(raw.faults);
    return faults && { type: "faults", faults };
  }
  if (raw.type === "resilience") {
    const resilience = resilienceOf(raw.resilience);
    return resilience && { type: "resilience", resilience };
  }
  return undefined;
}
