// The shop's services and how they talk to each other, as plain values: what a shop process needs of the map, without
// zod (loading it costs ~70 ms of every service's start). `services.ts` adds the schemas and re-exports all of this.

export const SHOP_SERVICE_IDS = [
  "api-gateway",
  "auth-service",
  "user-service",
  "product-service",
  "order-service",
  "payment-service",
  "notification-service",
] as const;

/** The monolith: every module of the shop in one process. */
export const MONOLITH_ID = "monolith";
/** The queues' broker: one redis-server process, drawn and acted on like a service but not a module of the shop. */
export const BROKER_ID = "redis";

export type ShopServiceId = (typeof SHOP_SERVICE_IDS)[number];
export type ServiceId = ShopServiceId | typeof BROKER_ID | typeof MONOLITH_ID;

/** Who calls whom over REST in the microservices stack (drawn as edges, used by the gateway's routes). */
export const REST_DEPENDENCIES: ReadonlyArray<{ from: ShopServiceId; to: ShopServiceId }> = [
  { from: "api-gateway", to: "auth-service" },
  { from: "api-gateway", to: "user-service" },
  { from: "api-gateway", to: "product-service" },
  { from: "api-gateway", to: "order-service" },
  { from: "api-gateway", to: "notification-service" },
  { from: "auth-service", to: "user-service" },
  { from: "order-service", to: "product-service" },
];

export const DOMAIN_EVENT_NAMES = [
  "OrderCreated",
  "PaymentSucceeded",
  "PaymentFailed",
  "InventoryUpdated",
  "EmailSent",
] as const;
export type DomainEventName = (typeof DOMAIN_EVENT_NAMES)[number];

/**
 * Which service publishes each domain event and which services subscribe to it. Every subscribing service
 * owns one BullMQ queue (its inbox, named after it: its consumer group); a publisher adds the event to the
 * inbox of every subscriber, so each subscriber gets its own copy and its replicas compete for it.
 */
export const DOMAIN_EVENTS: Record<DomainEventName, { publisher: ShopServiceId; subscribers: ShopServiceId[] }> = {
  OrderCreated: { publisher: "order-service", subscribers: ["payment-service"] },
  PaymentSucceeded: {
    publisher: "payment-service",
    subscribers: ["order-service", "product-service", "notification-service"],
  },
  PaymentFailed: {
    publisher: "payment-service",
    subscribers: ["order-service", "product-service", "notification-service"],
  },
  InventoryUpdated: { publisher: "product-service", subscribers: ["order-service"] },
  EmailSent: { publisher: "notification-service", subscribers: ["order-service"] },
};

/** The inbox queue of a subscribing service. */
export function inboxQueueName(subscriber: ShopServiceId): string {
  return `${subscriber.replace(/-service$/, "")}-inbox`;
}

/** Every queue of the microservices stack, with the services that publish into it and the one that consumes it. */
export function queueTopology(): Array<{ queue: string; consumer: ShopServiceId; publishers: ShopServiceId[]; events: DomainEventName[] }> {
  const byConsumer = new Map<ShopServiceId, { publishers: Set<ShopServiceId>; events: DomainEventName[] }>();
  for (const name of DOMAIN_EVENT_NAMES) {
    const { publisher, subscribers } = DOMAIN_EVENTS[name];
    for (const subscriber of subscribers) {
      const entry = byConsumer.get(subscriber) ?? { publishers: new Set(), events: [] };
      entry.publishers.add(publisher);
      entry.events.push(name);
      byConsumer.set(subscriber, entry);
    }
  }
  return [...byConsumer].map(([consumer, { publishers, events }]) => ({
    queue: inboxQueueName(consumer),
    consumer,
    publishers: [...publishers],
    events,
  }));
}

/** The human name a service gives in its /health answer, e.g. "Payment Service". */
export function displayName(id: ServiceId): string {
  if (id === "api-gateway") return "API Gateway";
  if (id === "redis") return "Redis";
  if (id === MONOLITH_ID) return "Monolith";
  return id
    .split("-")
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(" ");
}

/** The key prefix of every BullMQ queue of the shop. */
export const BULL_PREFIX = "shop";
