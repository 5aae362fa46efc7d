"use client";
// The emails the shop sent me, as notification-service recorded them.
import { useStore } from "zustand";
import { shopperStore } from "../../lib/client/stores/shopper-store";

export function MyNotifications() {
  const notifications = useStore(shopperStore, (view) => view.notifications);
  const loggedIn = useStore(shopperStore, (view) => view.session !== null);
  if (!loggedIn) return null;
  return (
    <div className="my-notifications">
      <h3>My notifications</h3>
      {notifications.length === 0 ? (
        <p className="muted">No email yet.</p>
      ) : (
        <ul>
          {notifications.slice(0, 10).map((notification) => (
            <li key={notification.id} data-notification={notification.orderId}>
              ✉ {notification.kind === "order-paid" ? "Your order is paid" : "Your payment failed"} <span className="muted small">({notification.orderId.slice(0, 10)}…)</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
