"use client";
// Be a customer of the shop: register, log in, browse, order, and watch my orders and notifications change live.
import { useEffect } from "react";
import { useStore } from "zustand";
import { watchMyOrders } from "../lib/client/order-watch";
import { loadProducts, refreshNotifications, refreshOrders, restoreSession, shopperStore } from "../lib/client/shopper-store";
import { MyNotifications } from "./MyNotifications";
import { MyOrders } from "./MyOrders";
import { ProductCatalogue } from "./ProductCatalogue";
import { ShopperAccount } from "./ShopperAccount";

export function ShopperPanel() {
  const message = useStore(shopperStore, (view) => view.message);
  const busy = useStore(shopperStore, (view) => view.busy);
  useEffect(() => {
    restoreSession();
    void loadProducts();
    void refreshOrders();
    void refreshNotifications();
    return watchMyOrders();
  }, []);
  return (
    <section className="shopper" aria-labelledby="shopper-heading">
      <h2 id="shopper-heading">Shop as a customer</h2>
      <p className="muted small">Your browser calls the storefront API; watch the calls travel the graph.</p>
      <ShopperAccount />
      <div className="shopper-message" aria-live="polite">
        {busy && <p className="busy">{busy}…</p>}
        {message && (
          <p className={message.kind === "error" ? "shop-error" : "shop-ok"} role={message.kind === "error" ? "alert" : undefined} data-shop-message={message.kind}>
            {message.text}
          </p>
        )}
      </div>
      <ProductCatalogue />
      <MyOrders />
      <MyNotifications />
    </section>
  );
}
