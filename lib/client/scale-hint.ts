// What more instances of a service share, in words, from its place in the shop: shoppers' calls, callers' calls, or
// the jobs of its inbox queue. Pure.
import { BROKER_ID, DOMAIN_EVENTS, inboxQueueName, MONOLITH_ID, REST_DEPENDENCIES, type ShopServiceId } from "../contract/service-names";

export function scaleHint(id: string): string {
  if (id === MONOLITH_ID) return "each instance is a whole copy of the shop";
  if (id === BROKER_ID) return "";
  if (id === "api-gateway") return "shoppers' requests are shared between them";
  const callers = [...new Set(REST_DEPENDENCIES.filter((dependency) => dependency.to === id).map((dependency) => dependency.from))];
  const consumes = Object.values(DOMAIN_EVENTS).some((event) => event.subscribers.includes(id as ShopServiceId));
  const parts: string[] = [];
  if (callers.length > 0) parts.push(`${callers.join(" and ")} ${callers.length > 1 ? "share their" : "shares its"} calls between them`);
  if (consumes) parts.push(`they compete for the jobs in ${inboxQueueName(id as ShopServiceId)}: each job is taken by one of them`);
  return parts.join("; ");
}
