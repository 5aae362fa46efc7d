// What a generated shopper does next: mostly browsing, some looking at their account, a few orders, rare logins.
// Pure: the caller passes the dice (a function returning 0 ≤ x < 1) and what the shopper and the shop look like.

export type ShopperAction =
  | { kind: "list-products" }
  | { kind: "view-product"; productId: string }
  | { kind: "view-order"; orderId: string }
  | { kind: "notifications" }
  | { kind: "place-order"; productId: string }
  /** The shopper has no account yet (in this run, or since the shop's data was reset). */
  | { kind: "register" }
  /** For a token: the first after registering, or a fresh one. */
  | { kind: "log-in" };

/** Where a shopper stands; "busy" while a registration or login of theirs is under way. */
export type ShopperStatus = "anonymous" | "registered" | "busy" | "signed-in";

export interface ShopperSnapshot {
  status: ShopperStatus;
  lastOrderId: string | null;
}

export interface ProductOnSale {
  id: string;
  priceCents: number;
}

/**
 * Shares of each kind of visit, in percent. Logins are rare because each costs ~50 ms of scrypt CPU in auth:
 * at 500 requests/s, 1 % is already a quarter of a core; shoppers keep their token instead.
 */
export const MIX = { listProducts: 40, viewProduct: 40, account: 14, placeOrder: 5, logIn: 1 } as const;

type Dice = () => number;

const pick = <T>(items: readonly T[], dice: Dice): T => items[Math.min(items.length - 1, Math.floor(dice() * items.length))];

/** A product to buy: the cheaper, the likelier (weight 1/price), so an expensive one (declined by payment) is rare. */
export function productToBuy(products: readonly ProductOnSale[], dice: Dice): string {
  const weights = products.map((product) => 1 / Math.max(1, product.priceCents));
  let roll = dice() * weights.reduce((sum, weight) => sum + weight, 0);
  for (let index = 0; index < products.length; index++) {
    roll -= weights[index];
    if (roll < 0) return products[index].id;
  }
  return products[products.length - 1].id;
}

/** The next visit of a shopper. Without products seen yet, the shopper looks at the list first. */
export function nextAction(shopper: ShopperSnapshot, products: readonly ProductOnSale[], dice: Dice): ShopperAction {
  const browse = (): ShopperAction => (products.length > 0 ? { kind: "view-product", productId: pick(products, dice).id } : { kind: "list-products" });
  // A visit that needs a token: a shopper without one registers or logs in first, one doing so browses meanwhile.
  const signedIn = (action: () => ShopperAction): ShopperAction =>
    shopper.status === "signed-in" ? action() : shopper.status === "anonymous" ? { kind: "register" } : shopper.status === "registered" ? { kind: "log-in" } : browse();
  let roll = dice() * 100;
  if ((roll -= MIX.listProducts) < 0 || products.length === 0) return { kind: "list-products" };
  if ((roll -= MIX.viewProduct) < 0) return browse();
  if ((roll -= MIX.account) < 0)
    return signedIn(() => (shopper.lastOrderId && dice() < 0.5 ? { kind: "view-order", orderId: shopper.lastOrderId } : { kind: "notifications" }));
  if ((roll -= MIX.placeOrder) < 0) return signedIn(() => ({ kind: "place-order", productId: productToBuy(products, dice) }));
  return signedIn(() => ({ kind: "log-in" }));
}
