// The product catalogue and its stock: prices, reservations for orders, and stock that follows payments.
import type { Collection, Publisher, Store } from "@sandbox/runtime";
import { conflict, notFound } from "@sandbox/runtime";
import type { OrderItem, OrderLine, Product } from "../../../lib/contract/storefront";

interface StoredProduct {
  id: string;
  name: string;
  priceCents: number;
  initialStock: number;
}

/** Stock set aside for one order: held while it is paid for, committed once paid, released if payment fails. */
interface Reservation {
  id: string;
  items: OrderItem[];
  state: "held" | "committed" | "released";
  /** When the order set it aside; the audit tells a leaked hold from an order still being placed by it. */
  heldAt?: number;
}

/** What the shop sells when it opens. */
export const STARTING_CATALOGUE: StoredProduct[] = [
  // Plenty of the everyday items, so generated traffic can order for a long while; few laptops, so a learner can
  // see "out of stock" (and, at $1,899, a declined card) without waiting.
  { id: "p-keyboard", name: "Mechanical keyboard", priceCents: 8900, initialStock: 50_000 },
  { id: "p-mouse", name: "Wireless mouse", priceCents: 2900, initialStock: 50_000 },
  { id: "p-monitor", name: "27-inch monitor", priceCents: 27900, initialStock: 20_000 },
  { id: "p-headset", name: "Noise-cancelling headset", priceCents: 15900, initialStock: 20_000 },
  { id: "p-webcam", name: "HD webcam", priceCents: 5900, initialStock: 30_000 },
  { id: "p-laptop", name: "Developer laptop", priceCents: 189900, initialStock: 50 },
];

export interface ProductsApi {
  /** Checks stock and prices and sets the items aside for the order; the same order id reserves once. */
  reserve(orderId: string, items: OrderItem[]): Promise<{ lines: OrderLine[]; totalCents: number }>;
  /** The order was never saved: give back what it set aside, and make sure a late reserve for it holds nothing. */
  cancel(orderId: string): Promise<void>;
}

export function createCatalogue(store: Store, publisher: Publisher) {
  // Stock is derived from the reservations, so one write both records a reservation and moves the stock.
  const reserved = new Map<string, number>();
  const countsAgainstStock = (reservation: Reservation | undefined) => reservation !== undefined && reservation.state !== "released";
  const adjust = (reservation: Reservation, sign: number) => {
    for (const item of reservation.items) reserved.set(item.productId, (reserved.get(item.productId) ?? 0) + sign * item.quantity);
  };
  const products: Collection<StoredProduct> = store.collection<StoredProduct>("products");
  const reservations: Collection<Reservation> = store.collection<Reservation>("reservations", {
    onChange(doc, previous) {
      if (countsAgainstStock(previous)) adjust(previous!, -1);
      if (countsAgainstStock(doc)) adjust(doc, +1);
    },
    onReset: () => reserved.clear(),
  });
  if (products.count() === 0) for (const product of STARTING_CATALOGUE) products.put(product);

  const stockOf = (product: StoredProduct) => {
    reservations.count(); // reads other replicas' writes before answering
    return product.initialStock - (reserved.get(product.id) ?? 0);
  };
  const view = (product: StoredProduct): Product => ({ id: product.id, name: product.name, priceCents: product.priceCents, stock: stockOf(product) });

  async function settle(orderId: string, state: "committed" | "released") {
    const reservation = reservations.get(orderId);
    if (!reservation) throw new Error(`no reservation for order ${orderId}`);
    if (reservation.state === "held") reservations.put({ ...reservation, state });
    const items = reservation.items.map((item) => ({ productId: item.productId, stock: stockOf(products.get(item.productId)!) }));
    await publisher.publish("InventoryUpdated", { orderId, change: state, items }, orderId);
  }

  return {
    list: (): Product[] => products.all().map(view),
    get(id: string): Product {
      const product = products.get(id);
      if (!product) throw notFound(`no product with id ${id}`);
      return view(product);
    },
    async reserve(orderId: string, items: OrderItem[]) {
      const lines: OrderLine[] = items.map((item) => {
        const product = products.get(item.productId);
        if (!product) throw notFound(`no product with id ${item.productId}`);
        return { ...item, priceCents: product.priceCents };
      });
      const existing = reservations.get(orderId);
      if (!existing) {
        const wanted = new Map<string, number>();
        for (const item of items) wanted.set(item.productId, (wanted.get(item.productId) ?? 0) + item.quantity);
        for (const [productId, quantity] of wanted) {
          const product = products.get(productId)!;
          const left = stockOf(product);
          if (left < quantity) throw conflict(`${product.name} is out of stock: ${left} left, ${quantity} wanted`);
        }
        reservations.put({ id: orderId, items, state: "held", heldAt: Date.now() });
      }
      return { lines, totalCents: lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0) };
    },
    async cancel(orderId: string) {
      const existing = reservations.get(orderId);
      if (!existing) reservations.put({ id: orderId, items: [], state: "released" });
      else if (existing.state === "held") reservations.put({ ...existing, state: "released" });
    },
    /** PaymentSucceeded: the held stock is sold. */
    commit: (orderId: string) => settle(orderId, "committed"),
    /** PaymentFailed: the held stock goes back on the shelf. */
    release: (orderId: string) => settle(orderId, "released"),
    /** Every reservation, for the audit. */
    reservations: () => reservations.all(),
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;
