// Notifications: the emails the shop sends about an order's payment (recorded, not delivered).
import type { Publisher, Store } from "@sandbox/runtime";
import type { Notification } from "../../../lib/contract/storefront";

export function createNotifications(store: Store, publisher: Publisher) {
  const sent = store.collection<Notification>("notifications");
  async function send(orderId: string, userId: string, kind: Notification["kind"]) {
    const id = `${orderId}-${kind}`;
    if (!sent.get(id)) sent.put({ id, orderId, userId, kind, sentAt: Date.now() });
    await publisher.publish("EmailSent", { orderId, userId, notificationId: id, kind }, id);
  }
  return {
    orderPaid: (orderId: string, userId: string) => send(orderId, userId, "order-paid"),
    paymentFailed: (orderId: string, userId: string) => send(orderId, userId, "payment-failed"),
    listFor: (userId: string) => sent.filter((notification) => notification.userId === userId),
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
