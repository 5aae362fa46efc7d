// Notifications: the emails the shop sends about an order's payment (recorded, not delivered).
import type { Database, Migration, Publisher } from "@sandbox/runtime";
import type { Notification } from "../../../lib/contract/storefront";

/** notification-service's own table: one email of each kind per order (its id says which). */
export const NOTIFICATION_MIGRATIONS: Migration[] = [
  `CREATE TABLE notifications (
     id TEXT PRIMARY KEY,
     order_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     sent_at INTEGER NOT NULL
   );
   CREATE INDEX notifications_by_user ON notifications (user_id, sent_at);`,
];

export function createNotifications(db: Database, publisher: Publisher) {
  db.migrate("notifications", NOTIFICATION_MIGRATIONS);
  async function send(orderId: string, userId: string, kind: Notification["kind"]) {
    const id = `${orderId}-${kind}`;
    db.run("INSERT INTO notifications (id, order_id, user_id, kind, sent_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", id, orderId, userId, kind, Date.now());
    await publisher.publish("EmailSent", { orderId, userId, notificationId: id, kind }, id);
  }
  return {
    orderPaid: (orderId: string, userId: string) => send(orderId, userId, "order-paid"),
    paymentFailed: (orderId: string, userId: string) => send(orderId, userId, "payment-failed"),
    listFor: (userId: string): Notification[] =>
      db
        .all<{ id: string; order_id: string; user_id: string; kind: Notification["kind"]; sent_at: number }>("SELECT * FROM notifications WHERE user_id = ? ORDER BY sent_at, rowid", userId)
        .map((row) => ({ id: row.id, orderId: row.order_id, userId: row.user_id, kind: row.kind, sentAt: row.sent_at })),
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
