"use client";
// My orders and their status as the shop reports it: pending until payment answers, then paid or payment_failed.
import { useStore } from "zustand";
import { formatCents } from "../../lib/client/storefront";
import { shopperStore } from "../../lib/client/stores/shopper-store";
import { select, uiStore } from "../../lib/client/stores/ui-store";

const STATUS_TEXT = { pending: "◌ pending", paid: "● paid", payment_failed: "✕ payment failed" } as const;

export function MyOrders() {
  const orders = useStore(shopperStore, (view) => view.orders);
  const session = useStore(shopperStore, (view) => view.session);
  const following = useStore(uiStore, (view) => (view.selection?.kind === "order" ? view.selection.orderId : null));
  if (!session) return null;
  return (
    <div className="my-orders">
      <h3>My orders</h3>
      {orders.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul>
          {orders.slice(0, 20).map((order) => (
            <li key={order.id} data-order={order.id} data-order-status={order.status} className={following === order.id ? "following" : undefined}>
              <span className="order-id" title={order.id}>
                {order.id.slice(0, 10)}…
              </span>
              <span>{formatCents(order.totalCents)}</span>
              <span className={`order-status order-${order.status}`}>{STATUS_TEXT[order.status]}</span>
              <button type="button" className="link" aria-pressed={following === order.id} onClick={() => uiStore.setState((view) => select(view, { kind: "order", orderId: order.id }), true)}>
                trace
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
