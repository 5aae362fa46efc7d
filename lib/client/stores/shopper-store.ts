// The shopper panel's model: which stack's shop it uses, who is logged in there, the catalogue, my orders and my
// notifications, fetched from that storefront. Each stack has its own data, so each keeps its own session.
import { createStore } from "zustand/vanilla";
import type { StackId } from "../../contract/events";
import type { Notification, Order, Product } from "../../contract/storefront";
import { STOREFRONT_ROUTES, storefrontCall } from "../../contract/storefront-paths";
import { describeRefusal, shopCall, type ShopAnswer } from "../storefront";

export interface ShopperSession {
  token: string;
  email: string;
}

export interface ShopperView {
  /** The stack whose storefront the panel calls. */
  stack: StackId;
  /** The stack the person chose for when both run (kept across reloads). */
  choice: StackId;
  session: ShopperSession | null;
  products: Product[] | null;
  orders: Order[];
  notifications: Notification[];
  /** What is being asked of the shop right now, in words ("placing the order"). */
  busy: string | null;
  /** The last outcome worth telling: the shop's own error, or what went well. */
  /** `traceId`: the trace the refused request started, so the person can follow where it was refused. */
  /** `orderId`: the order an "accepted" message is about; the panel follows its status as the shop reports it. */
  message: { kind: "error" | "ok"; text: string; traceId?: string; orderId?: string } | null;
  /** The last order accepted, with the Idempotency-Key it was sent under, so it can be sent again as a retry would. */
  lastOrder: { items: Array<{ productId: string; quantity: number }>; key: string; orderId: string } | null;
}

const SESSION_KEY = "architecture-sandbox:shopper";

export const shopperStore = createStore<ShopperView>()(() => ({ stack: "microservices", choice: "microservices", session: null, products: null, orders: [], notifications: [], busy: null, message: null, lastOrder: null }));

const set = (change: Partial<ShopperView>) => shopperStore.setState(change);
const fail = (what: string, answer: { status: number; error: string; traceId?: string | null }) =>
  set({ message: { kind: "error", text: `${what}: ${describeRefusal(answer)}`, traceId: answer.traceId ?? undefined } });

const sessionKey = (stack: StackId) => `${SESSION_KEY}:${stack}`;
const stack = () => shopperStore.getState().stack;
/** A fresh key for one intent to order (getRandomValues: unlike randomUUID it also works off a secure context). */
const newIntentKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");

/** A storefront call to the panel's current stack: a route's method and path, from the contract's table. */
const call = <T,>(request: { method: string; path: string }, options: Omit<Parameters<typeof shopCall>[1], "method"> = {}): Promise<ShopAnswer<T>> =>
  shopCall<T>(request.path, { ...options, method: request.method, stack: stack() });

function storedSession(of: StackId): ShopperSession | null {
  try {
    const saved = sessionStorage.getItem(sessionKey(of));
    return saved ? (JSON.parse(saved) as ShopperSession) : null;
  } catch {
    // Nothing saved, or storage refused: the shopper logs in again.
    return null;
  }
}

export function restoreSession(): void {
  const session = storedSession(stack());
  if (session) set({ session });
}

function saveSession(session: ShopperSession | null): void {
  try {
    if (session) sessionStorage.setItem(sessionKey(stack()), JSON.stringify(session));
    else sessionStorage.removeItem(sessionKey(stack()));
  } catch {
    // The session then lasts until a reload.
  }
}

/** Moves the panel to another stack's shop (or loads the current one's the first time): its own session, catalogue, orders and notifications. */
export async function switchShopStack(next: StackId): Promise<void> {
  const current = shopperStore.getState();
  // Nothing to do on the same stack once its catalogue is in; the first call (or one after a failed load) loads it.
  if (next === current.stack && current.products !== null) return;
  if (next !== current.stack) set({ stack: next, session: storedSession(next), products: null, orders: [], notifications: [], message: null, lastOrder: null });
  await Promise.all([loadProducts(), refreshOrders(), refreshNotifications()]);
}

export function setShopChoice(choice: StackId): void {
  set({ choice });
}

async function busyWith<T>(what: string, work: () => Promise<T>): Promise<T> {
  set({ busy: what });
  try {
    return await work();
  } finally {
    set({ busy: null });
  }
}

export async function loadProducts(): Promise<void> {
  const answer = await call<{ products: Product[] }>(storefrontCall(STOREFRONT_ROUTES.products));
  if (answer.ok) set({ products: answer.body.products });
  else fail("Could not list the products", answer);
}

export async function refreshOrders(): Promise<void> {
  const token = shopperStore.getState().session?.token;
  if (!token) return;
  const answer = await call<{ orders: Order[] }>(storefrontCall(STOREFRONT_ROUTES.myOrders), { token });
  if (answer.ok) set({ orders: [...answer.body.orders].sort((a, b) => b.createdAt - a.createdAt) });
  else if (answer.status === 401) logout("Your session ended: please log in again.");
  else fail("Could not load my orders", answer);
}

export async function refreshNotifications(): Promise<void> {
  const token = shopperStore.getState().session?.token;
  if (!token) return;
  const answer = await call<{ notifications: Notification[] }>(storefrontCall(STOREFRONT_ROUTES.myNotifications), { token });
  if (answer.ok) set({ notifications: [...answer.body.notifications].sort((a, b) => b.sentAt - a.sentAt) });
  else fail("Could not load my notifications", answer);
}

export async function login(email: string, password: string): Promise<boolean> {
  return busyWith("logging in", async () => {
    const answer = await call<{ token: string }>(storefrontCall(STOREFRONT_ROUTES.login), { body: { email, password } });
    if (!answer.ok) return (fail("Log in refused", answer), false);
    const session = { token: answer.body.token, email };
    saveSession(session);
    set({ session, message: { kind: "ok", text: `Logged in as ${email}.` } });
    await Promise.all([refreshOrders(), refreshNotifications()]);
    return true;
  });
}

export async function register(email: string, password: string, name: string): Promise<boolean> {
  const registered = await busyWith("registering", async () => {
    const answer = await call<{ user: { id: string } }>(storefrontCall(STOREFRONT_ROUTES.register), { body: { email, password, name } });
    if (!answer.ok) return (fail("Registration refused", answer), false);
    return true;
  });
  return registered && login(email, password);
}

export function logout(text = "Logged out."): void {
  saveSession(null);
  set({ session: null, orders: [], notifications: [], message: { kind: "ok", text }, lastOrder: null });
}

/** What became of an order asked for: its id when accepted, the refusal in words when not, and its trace either way. */
export interface OrderOutcome {
  orderId: string | null;
  refusal: string | null;
  traceId: string | null;
}

/** Places an order; resolves with its id when the shop accepted it, and the trace the request started. */
export async function placeOrder(productId: string, quantity: number): Promise<OrderOutcome> {
  const token = shopperStore.getState().session?.token;
  if (!token) {
    set({ message: { kind: "error", text: "Log in first: the shop only takes orders from a known customer." } });
    return { orderId: null, refusal: "not logged in", traceId: null };
  }
  // One key per click: should this request be repeated, the shop gives back this order instead of a second one.
  return sendOrder(token, [{ productId, quantity }], newIntentKey(), "placing the order");
}

/**
 * Sends the last accepted order again under its own Idempotency-Key, as a shopper's retry after a lost answer would:
 * the shop answers with the order it already made, and says so.
 */
export async function sendOrderAgain(): Promise<OrderOutcome> {
  const { session, lastOrder } = shopperStore.getState();
  if (!session || !lastOrder) return { orderId: null, refusal: "no order to send again", traceId: null };
  return sendOrder(session.token, lastOrder.items, lastOrder.key, "sending the order again");
}

async function sendOrder(token: string, items: Array<{ productId: string; quantity: number }>, key: string, doing: string): Promise<OrderOutcome> {
  const before = shopperStore.getState().lastOrder;
  return busyWith(doing, async () => {
    const answer = await call<{ order: Order }>(storefrontCall(STOREFRONT_ROUTES.placeOrder), { token, body: { items }, idempotencyKey: key });
    if (!answer.ok) {
      fail("Order refused", answer);
      return { orderId: null, refusal: describeRefusal(answer), traceId: answer.traceId ?? null };
    }
    const order = answer.body.order;
    const again = before?.key === key;
    const text = !again
      ? `Order accepted (${answer.status}): ${order.id}`
      : order.id === before.orderId
        ? `Sent again with the same Idempotency-Key (${answer.status}): the shop gave back ${order.id}, no second order`
        : `Sent again with the same Idempotency-Key (${answer.status}): the shop made a second order, ${order.id}`;
    set({ message: { kind: "ok", text, orderId: order.id }, orders: [order, ...shopperStore.getState().orders.filter((known) => known.id !== order.id)], lastOrder: { items, key, orderId: order.id } });
    void loadProducts();
    return { orderId: order.id, refusal: null, traceId: answer.traceId ?? null };
  });
}
