"use client";
// The shop's products, with their price and stock, and a button to order one.
import { useStore } from "zustand";
import { formatCents } from "../../lib/client/storefront";
import { loadProducts, placeOrder, shopperStore } from "../../lib/client/stores/shopper-store";
import { select, uiStore } from "../../lib/client/stores/ui-store";
import { focusAfterRender, focusShopMessage, SHOP_MESSAGE_ID } from "../../lib/client/focus";

async function order(productId: string) {
  // Every Order button is disabled while the shop answers: focus goes to the line that tells the outcome.
  focusShopMessage();
  const { orderId, traceId } = await placeOrder(productId, 1);
  // Then back to the button pressed, once enabled again, so the next order is one key away; the outcome is still
  // read out by the message line's live region. Sold out, the button stays disabled: focus stays on the message.
  focusAfterRender([`[data-product="${productId}"] button:enabled`, `#${SHOP_MESSAGE_ID}`]);
  // Follow the order just placed, from the click to the email (a refused one offers its trace beside the refusal).
  if (orderId) uiStore.setState((view) => select(view, { kind: "order", orderId, traceId: traceId ?? undefined }), true);
}

export function ProductCatalogue() {
  const products = useStore(shopperStore, (view) => view.products);
  const loggedIn = useStore(shopperStore, (view) => view.session !== null);
  const busy = useStore(shopperStore, (view) => view.busy !== null);
  const refused = useStore(shopperStore, (view) => view.message?.kind === "error");
  return (
    <div className="catalogue">
      <h3>
        Products{" "}
        <button type="button" className="link" onClick={() => void loadProducts()}>
          reload
        </button>
      </h3>
      {products === null ? (
        <p className="muted">{refused ? "Not loaded: the shop did not answer. It is asked again when its services are back." : "Not loaded yet."}</p>
      ) : (
        <ul className="products">
          {products.map((product) => (
            <li key={product.id} data-product={product.id}>
              <span className="product-name">{product.name}</span>
              <span className="product-price">{formatCents(product.priceCents)}</span>
              <span className="muted small">{product.stock} left</span>
              <button type="button" disabled={!loggedIn || busy || product.stock === 0} onClick={() => void order(product.id)} title={loggedIn ? "order one" : "log in to order"}>
                Order
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
