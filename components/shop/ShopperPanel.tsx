"use client";
// Be a customer of the shop: register, log in, browse, order, and watch my orders and notifications change live.
import { useEffect } from "react";
import { useStore } from "zustand";
import { SHOP_MESSAGE_ID } from "../../lib/client/focus";
import { watchMyOrders } from "../../lib/client/order-watch";
import { watchShopRecovery } from "../../lib/client/shop-recovery";
import { restoreSession, sendOrderAgain, shopperStore } from "../../lib/client/stores/shopper-store";
import { select, uiStore } from "../../lib/client/stores/ui-store";
import { MyNotifications } from "./MyNotifications";
import { MyOrders } from "./MyOrders";
import { ProductCatalogue } from "./ProductCatalogue";
import { ShopperAccount } from "./ShopperAccount";
import { ShopStackChoice, useShopStackFollowing } from "./ShopStackChoice";

/** An accepted order's status, as the shop reports it now (my orders are asked again until it is final). */
const ORDER_NOW = { pending: "pending: waiting for payment", paid: "now paid", payment_failed: "payment failed" } as const;

/** Opens the trace of a refused request: the answer's traceparent names it even though no order exists. */
const followRefusal = (traceId: string, text: string) => uiStore.setState((view) => select(view, { kind: "trace", traceId, title: text }), true);

export function ShopperPanel() {
  const message = useStore(shopperStore, (view) => view.message);
  const busy = useStore(shopperStore, (view) => view.busy);
  const orderStatus = useStore(shopperStore, (view) => (view.message?.orderId ? view.orders.find((order) => order.id === view.message?.orderId)?.status : undefined));
  // A retry is offered for the order the message is about, while its key is still the one kept.
  const canSendAgain = useStore(shopperStore, (view) => view.message?.kind === "ok" && view.message.orderId !== undefined && view.lastOrder?.orderId === view.message.orderId);
  useShopStackFollowing();
  useEffect(() => {
    // The catalogue, orders and notifications load once the sandbox says which stack runs (useShopStackFollowing).
    restoreSession();
    const stopWatching = watchMyOrders();
    const stopRecovery = watchShopRecovery();
    return () => {
      stopWatching();
      stopRecovery();
    };
  }, []);
  return (
    <section className="shopper" aria-labelledby="shopper-heading">
      <h2 id="shopper-heading">Shop as a customer</h2>
      <p className="muted small">Your browser calls the storefront API; watch the calls travel the graph.</p>
      <ShopStackChoice />
      <ShopperAccount />
      <div className="shopper-message" id={SHOP_MESSAGE_ID} tabIndex={-1} aria-live="polite">
        {busy && <p className="busy">{busy}…</p>}
        {message && (
          <p className={message.kind === "error" ? "shop-error" : "shop-ok"} role={message.kind === "error" ? "alert" : undefined} data-shop-message={message.kind}>
            {message.text}
            {orderStatus && (
              <>
                , <span data-order-now={orderStatus}>{ORDER_NOW[orderStatus]}</span>
              </>
            )}
            .
            {canSendAgain && (
              <>
                {" "}
                <button type="button" className="link" data-control="order-again" disabled={busy !== null} onClick={() => void sendOrderAgain()} title="Send the same order again with the same Idempotency-Key, as a retry after a lost answer would">
                  send it again
                </button>
              </>
            )}
            {message.traceId && (
              <>
                {" "}
                <button type="button" className="link" onClick={() => followRefusal(message.traceId!, message.text)}>
                  follow its trace
                </button>
              </>
            )}
          </p>
        )}
      </div>
      <ProductCatalogue />
      <MyOrders />
      <MyNotifications />
    </section>
  );
}
