// What a stack's chip above the graph says of its shoppers, from the state shown (live or a past moment) and the
// gateway's figures of the last seconds. Pure.
import type { ServiceView } from "../contract/control";
import type { StackId } from "../contract/events";
import { formatMs, formatRate, type NodeMetrics } from "./metrics";

/** The process shoppers reach first: while it is dead, nothing of the stack answers them. */
export const ENTRY_PROCESS = { microservices: "api-gateway", monolith: "monolith" } as const;

/**
 * "shoppers 48/s answered · p95 7.0 ms · 0% err"; "shoppers: monolith down, nothing answers" once its entry process is
 * not alive at the moment shown (its window still holds calls from before it died, which are not its figures now);
 * null when there is nothing to say.
 */
export function shopperChip(stack: StackId, services: readonly Pick<ServiceView, "id" | "stack" | "status">[], figures: NodeMetrics | undefined): string | null {
  const entry = services.find((service) => service.stack === stack && service.id === ENTRY_PROCESS[stack]);
  if (!entry) return null;
  if (entry.status !== "healthy" && entry.status !== "unhealthy") return `shoppers: ${entry.id} ${entry.status === "starting" ? "starting" : "down"}, nothing answers`;
  if (!figures || figures.calls === 0) return null;
  return `shoppers ${formatRate(figures.answeredRps)} answered · p95 ${formatMs(figures.p95)} · ${(figures.errorRate * 100).toFixed(0)}% err`;
}
