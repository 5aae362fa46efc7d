// Keeps "my orders" current: when a queue job about one of my pending orders finishes, ask the storefront again.
// The telemetry only says *when* to look; what the panel shows always comes from the shop's own answer.
import type { NumberedEvent } from "../contract/events";
import { refreshNotifications, refreshOrders, shopperStore } from "./stores/shopper-store";
import { sandboxStore } from "./stores/sandbox-store";
import { orderIdOf } from "./stores/trace-store";

/** Waits this long after a relevant job so a burst of them (an order's journey) costs one request. */
export const REFRESH_DELAY_MS = 150;
/** While an order is pending, look anyway this often, in case its events were dropped. */
export const PENDING_POLL_MS = 3_000;

/** Whether these events finish a step of one of the given orders' journeys. */
export function touchesOrders(events: readonly NumberedEvent[], orderIds: ReadonlySet<string>): boolean {
  if (orderIds.size === 0) return false;
  return events.some((event) => event.type === "queue" && (event.state === "completed" || event.state === "failed") && orderIds.has(orderIdOf(event) ?? ""));
}

const pendingOrderIds = () => new Set(shopperStore.getState().orders.filter((order) => order.status === "pending").map((order) => order.id));

/** Starts watching; returns the function that stops it. */
export function watchMyOrders(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const refresh = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void refreshOrders();
      void refreshNotifications();
    }, REFRESH_DELAY_MS);
  };
  const unsubscribe = sandboxStore.subscribe((view, previous) => {
    if (view.events === previous.events || view.events.length === 0) return;
    const lastSeen = previous.events.at(-1)?.seq ?? -1;
    const fresh: NumberedEvent[] = [];
    for (let i = view.events.length - 1; i >= 0 && view.events[i].seq > lastSeen; i--) fresh.push(view.events[i]);
    if (touchesOrders(fresh, pendingOrderIds())) refresh();
  });
  const poll = setInterval(() => {
    if (pendingOrderIds().size > 0) refresh();
  }, PENDING_POLL_MS);
  return () => {
    unsubscribe();
    clearInterval(poll);
    if (timer) clearTimeout(timer);
  };
}
