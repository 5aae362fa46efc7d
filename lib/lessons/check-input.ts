// What a lesson check reads: the live state and a window of the real telemetry and shopper-side tallies, as plain data.
import type { FailureImpact, RedeployImpact } from "../contract/compare";
import type { Audit, Metrics, SandboxState, TrafficView } from "../contract/control";
import type { StackId, TelemetryEvent } from "../contract/events";
import type { Figures } from "../contract/lessons";

export interface CheckInput {
  now: number;
  /** The window's start: events and incidents before it do not count. */
  since: number;
  /** Telemetry since `since` (logs left out), oldest first. */
  events: readonly TelemetryEvent[];
  state: SandboxState;
  /** The traffic generator's view: counts and latency measured at the shoppers' side. */
  traffic: TrafficView;
  /** The incident tracker's last redeploy and failure per stack: what shoppers got. */
  redeploys: Partial<Record<StackId, RedeployImpact | null>>;
  failures: Partial<Record<StackId, FailureImpact | null>>;
  metrics: Metrics | null;
  /** Read from the services' own data; null when not read for this evaluation. */
  audit: Audit[] | null;
}

export interface CheckOutcome {
  met: boolean;
  /** The goal, in words. */
  label: string;
  /** What is still missing, in words ("2 of 3 orders accepted while payment-service is down"); empty once met. */
  missing: string;
  figures: Figures;
  /** When the event that met it happened, when one event did. */
  satisfiedAt?: number;
}

export const outcome = (met: boolean, label: string, missing: string, figures: Figures = {}, satisfiedAt?: number): CheckOutcome => ({
  met,
  label,
  missing: met ? "" : missing,
  figures,
  satisfiedAt: met ? satisfiedAt : undefined,
});

export const isDown = (status: string | undefined): boolean => status === "stopped" || status === "crashed";
export const entryOf = (stack: StackId): string => (stack === "monolith" ? "monolith" : "api-gateway");
export const megabytes = (bytes: number): number => Math.round(bytes / 1_048_576);
