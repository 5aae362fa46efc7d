// The shopper panel's model: who is logged in, the catalogue, my orders and my notifications, fetched from the storefront.
import { createStore } from "zustand/vanilla";
import type { Notification, Order, Product } from "../contract/storefront";
import { describeRefusal, shopCall } from "./storefront";

export interface ShopperSession {
  token: string;
  email: string;
}

export interface ShopperView {
  session: ShopperSession | null;
  products: Product[] | null;
  orders: Order[];
  notifications: Notification[];
  /** What is being asked of the shop right now, in words ("placing the order"). */
  busy: string | null;
  /** The last outcome worth telling: the shop's own error, or what went well. */
  message: { kind: "error" | "ok"; text: string } | null;
}

const SESSION_KEY = "architecture-sandbox:shopper";

export const shopperStore = createStore<ShopperView>()(() => ({ session: null, products: null, orders: [], notifications: [], busy: null, message: null }));

const set = (change: Partial<ShopperView>) => shopperStore.setState(change);
const fail = (what: string, answer: { status: number; error: string }) => set({ message: { kind: "error", text: `${what}: ${describeRefusal(answer)}` } });

export function restoreSession(): void {
  try {
    const saved = sessionStorage.getItem(SESSION_KEY);
    if (saved) set({ session: JSON.parse(saved) as ShopperSession });
  } catch {
    // Nothing saved, or storage refused: the shopper logs in again.
  }
}

function saveSession(session: ShopperSession | null): void {
  try {
    if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // The session then lasts until a reload.
  }
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
  const answer = await shopCall<{ products: Product[] }>("/products");
  if (answer.ok) set({ products: answer.body.products });
  else fail("Could not list the products", answer);
}

export async function refreshOrders(): Promise<void> {
  const token = shopperStore.getState().session?.token;
  if (!token) return;
  const answer = await shopCall<{ orders: Order[] }>("/orders", { token });
  if (answer.ok) set({ orders: [...answer.body.orders].sort((a, b) => b.createdAt - a.createdAt) });
  else if (answer.status === 401) logout("Your session ended: please log in again.");
  else fail("Could not load my orders", answer);
}

export async function refreshNotifications(): Promise<void> {
  const token = shopperStore.getState().session?.token;
  if (!token) return;
  const answer = await shopCall<{ notifications: Notification[] }>("/notifications", { token });
  if (answer.ok) set({ notifications: [...answer.body.notifications].sort((a, b) => b.sentAt - a.sentAt) });
  else fail("Could not load my notifications", answer);
}

export async function login(email: string, password: string): Promise<boolean> {
  return busyWith("logging in", async () => {
    const answer = await shopCall<{ token: string }>("/auth/login", { method: "POST", body: { email, password } });
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
    const answer = await shopCall<{ user: { id: string } }>("/auth/register", { method: "POST", body: { email, password, name } });
    if (!answer.ok) return (fail("Registration refused", answer), false);
    return true;
  });
  return registered && login(email, password);
}

export function logout(text = "Logged out."): void {
  saveSession(null);
  set({ session: null, orders: [], notifications: [], message: { kind: "ok", text } });
}

/** Places an order; resolves with its id when the shop accepted it. */
export async function placeOrder(productId: string, quantity: number): Promise<string | null> {
  const token = shopperStore.getState().session?.token;
  if (!token) return (set({ message: { kind: "error", text: "Log in first: the shop only takes orders from a known customer." } }), null);
  return busyWith("placing the order", async () => {
    const answer = await shopCall<{ order: Order }>("/orders", { method: "POST", token, body: { items: [{ productId, quantity }] } });
    if (!answer.ok) return (fail("Order refused", answer), null);
    const order = answer.body.order;
    set({ message: { kind: "ok", text: `Order accepted (${answer.status}): ${order.id}, ${order.status}.` }, orders: [order, ...shopperStore.getState().orders.filter((known) => known.id !== order.id)] });
    void loadProducts();
    return order.id;
  });
}
