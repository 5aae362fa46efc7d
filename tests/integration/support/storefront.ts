// A shopper at the storefront (the gateway's API): registering, logging in, browsing, ordering, following an order.
import { randomUUID } from "node:crypto";
import type { Notification, Order, Product, User } from "../../../lib/contract/storefront";
import { requestJson, type JsonResponse } from "./http";
import { waitFor } from "./wait";

/** An order travels through three queues; on a busy two-core machine that can take a few seconds. */
const SETTLE_TIMEOUT_MS = 30_000;

export interface Customer {
  user: User;
  email: string;
  password: string;
  token: string;
}

export const uniqueEmail = (): string => `shopper-${randomUUID()}@example.test`;

export class Storefront {
  constructor(readonly baseUrl: string) {}

  register(body: unknown): Promise<JsonResponse<{ user?: User; error?: string }>> {
    return requestJson(`${this.baseUrl}/api/auth/register`, { method: "POST", body });
  }

  login(body: unknown): Promise<JsonResponse<{ token?: string; error?: string }>> {
    return requestJson(`${this.baseUrl}/api/auth/login`, { method: "POST", body });
  }

  /** Registers a new customer with a unique email and logs them in; fails loudly if either step does. */
  async newCustomer(): Promise<Customer> {
    const email = uniqueEmail();
    const password = "correct horse battery";
    const registered = await this.register({ email, password, name: "Test Shopper" });
    if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`);
    const loggedIn = await this.login({ email, password });
    if (loggedIn.status !== 200 || !loggedIn.body.token) throw new Error(`login answered ${loggedIn.status}: ${JSON.stringify(loggedIn.body)}`);
    return { user: registered.body.user!, email, password, token: loggedIn.body.token };
  }

  products(): Promise<JsonResponse<{ products: Product[] }>> {
    return requestJson(`${this.baseUrl}/api/products`);
  }

  product(id: string): Promise<JsonResponse<{ product?: Product; error?: string }>> {
    return requestJson(`${this.baseUrl}/api/products/${encodeURIComponent(id)}`);
  }

  async stockOf(id: string): Promise<number> {
    const { status, body } = await this.product(id);
    if (status !== 200 || !body.product) throw new Error(`GET /api/products/${id} answered ${status}`);
    return body.product.stock;
  }

  /** POST /api/orders with `body` as given (normally {items}), so tests can also send what a shop must refuse. */
  placeOrder(token: string | undefined, body: unknown): Promise<JsonResponse<{ order?: Order; error?: string }>> {
    return requestJson(`${this.baseUrl}/api/orders`, { method: "POST", token, body });
  }

  order(token: string, id: string): Promise<JsonResponse<{ order?: Order; error?: string }>> {
    return requestJson(`${this.baseUrl}/api/orders/${encodeURIComponent(id)}`, { token });
  }

  async orders(token: string): Promise<Order[]> {
    const { status, body } = await requestJson<{ orders: Order[] }>(`${this.baseUrl}/api/orders`, { token });
    if (status !== 200) throw new Error(`GET /api/orders answered ${status}`);
    return body.orders;
  }

  notifications(token: string): Promise<JsonResponse<{ notifications?: Notification[]; error?: string }>> {
    return requestJson(`${this.baseUrl}/api/notifications`, { token });
  }

  /** Polls the order (bounded) until it is no longer pending, and returns it. */
  waitForOrderToSettle(token: string, id: string, timeoutMs = SETTLE_TIMEOUT_MS): Promise<Order> {
    return waitFor(
      `order ${id} to leave pending`,
      async () => {
        const { status, body } = await this.order(token, id);
        if (status !== 200 || !body.order) throw new Error(`GET /api/orders/${id} answered ${status}: ${JSON.stringify(body)}`);
        return body.order.status === "pending" ? undefined : body.order;
      },
      { timeoutMs, intervalMs: 200 },
    );
  }
}
