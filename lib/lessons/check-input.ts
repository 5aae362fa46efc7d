// What a lesson check reads: the live state and a window of the real telemetry and shopper-side tallies, as plain data.
import type { FailureImpact, RedeployImpact } from "../contract/compare";
import type { Audit, Metrics, SandboxState, TrafficView } from "../contract/control";
import type { StackId, TelemetryEvent } from "../contract/events";
import type { Figures } from "../contract/lessons";
import type { ShopperAnswer } from "../sandbox/sandbox";

/** One shopper's request as the shopper saw it (traffic generator, storefront proxy, a lesson's own shopper). */
export type ShopperSample = ShopperAnswer;

/** What the step saw when it opened, to compare with now: each process's pid and each stack's memory. */
export interface StepOpening {
  at: number;
  pids: Record<string, Array<number | null>>;
  memoryBytes: Partial<Record<StackId, number>>;
}

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
  /** Shoppers' requests since `since`, oldest first. */
  shoppers: readonly ShopperSample[];
  /** When the step's decisive action happened; null until it has (or when the step names none). */
  changeAt: number | null;
  /** How long after the change the "after" figures start: the system settles first. */
  settleMs: number;
  opening: StepOpening | null;
  /** A look back: the recorded moment the learner marked in this step, and when they marked it; null before. */
  moment: { at: number; markedAt: number } | null;
  /** A diagnosis challenge: the culprit this run hid (never sent to a page before it is named), and the guesses. */
  challenge: { culprit: { service: string; type: string } | null; named: boolean; guesses: number } | null;
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
  /** Enough was measured, and it says the opposite of the claim (in words, with the numbers). */
  contradicts?: string;
}

export const outcome = (met: boolean, label: string, missing: string, figures: Figures = {}, satisfiedAt?: number): CheckOutcome => ({
  met,
  label,
  missing: met ? "" : missing,
  figures,
  satisfiedAt: met ? satisfiedAt : undefined,
});

/** The measurement is in and it goes against the claim: not met, and said so. */
export const contradicted = (label: string, contradicts: string, figures: Figures = {}): CheckOutcome => ({ met: false, label, missing: contradicts, figures, contradicts });

/** The time span a phase covers: the whole step, up to the change, or from the change (settled) until now. */
/** How a check's label says which part of the step it measures. */
export const PHASE_WORDS: Record<"step" | "before" | "after" | "recent", string> = { step: "", before: "", after: " after the change", recent: " over the last 10 s" };

/** What "recent" covers: the step's last this many milliseconds. */
export const RECENT_MS = 10_000;

export function phaseSpan(phase: "step" | "before" | "after" | "recent", input: CheckInput): [from: number, to: number] | null {
  if (phase === "step") return [input.since, input.now];
  if (phase === "recent") return [Math.max(input.since, input.now - RECENT_MS), input.now];
  if (input.changeAt === null) return phase === "before" ? [input.since, input.now] : null;
  return phase === "before" ? [input.since, input.changeAt] : [input.changeAt + input.settleMs, input.now];
}

export const isDown = (status: string | undefined): boolean => status === "stopped" || status === "crashed";
export const entryOf = (stack: StackId): string => (stack === "monolith" ? "monolith" : "api-gateway");
export const megabytes = (bytes: number): number => Math.round(bytes / 1_048_576);
