// The storefront API a shopper's browser calls, written against the shop's modules, however they are deployed.
import { badRequest, parseBody, unauthorized, type Handler, type Routes } from "@sandbox/runtime";
import { IDEMPOTENCY_KEY_HEADER, idempotencyKey, loginBody, placeOrderBody, registerBody } from "../../../lib/contract/body-checks";
import type { Notification, Order, Product, User } from "../../../lib/contract/storefront";
import { STOREFRONT_ROUTES, storefrontRouteKey, type StorefrontRouteName } from "../../../lib/contract/storefront-paths";
import type { AuthApi } from "../../auth-service/src/auth";

/** What the storefront needs from the shop: in the microservices stack each is a service reached over HTTP. */
export interface ShopBackends {
  auth: AuthApi;
  users: { get(id: string): Promise<User> };
  products: { list(): Promise<Product[]>; get(id: string): Promise<Product> };
  orders: { place(userId: string, items: Array<{ productId: string; quantity: number }>, idempotencyKey?: string): Promise<Order>; get(userId: string, orderId: string): Promise<Order>; listFor(userId: string): Promise<Order[]> };
  notifications: { listFor(userId: string): Promise<Notification[]> };
}

function bearerToken(headers: Record<string, string | string[] | undefined>): string {
  const header = headers.authorization;
  const match = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match) throw unauthorized();
  return match[1];
}

/** The request's Idempotency-Key, if any; a malformed one is a 400 rather than silently ignored. */
function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers[IDEMPOTENCY_KEY_HEADER];
  if (header === undefined) return undefined;
  const key = idempotencyKey(header);
  if (!key.ok) throw badRequest(`Idempotency-Key: ${key.issue.message}`);
  return key.value;
}

/** The router's map from the contract's table: one handler per named route, so its paths are the table's own. */
function keyedByRoute(handlers: Record<StorefrontRouteName, Handler>): Routes {
  return Object.fromEntries((Object.keys(STOREFRONT_ROUTES) as StorefrontRouteName[]).map((name) => [storefrontRouteKey(STOREFRONT_ROUTES[name]), handlers[name]]));
}

export function storefrontRoutes(shop: ShopBackends): Routes {
  const signedIn = (headers: Record<string, string | string[] | undefined>) => shop.auth.verify(bearerToken(headers));
  return keyedByRoute({
    register: async ({ body, peer }) => ({ status: 201, body: { user: await shop.auth.register(parseBody(registerBody, body), peer) } }),
    login: async ({ body, peer }) => ({ status: 200, body: { token: await shop.auth.login(parseBody(loginBody, body), peer) } }),
    products: async () => ({ status: 200, body: { products: await shop.products.list() } }),
    product: async ({ params }) => ({ status: 200, body: { product: await shop.products.get(params.id) } }),
    placeOrder: async ({ headers, body }) => {
      const userId = await signedIn(headers);
      const { items } = parseBody(placeOrderBody, body);
      const order = await shop.orders.place(userId, items, idempotencyKeyOf(headers));
      return { status: 202, body: { order } };
    },
    myOrders: async ({ headers }) => ({ status: 200, body: { orders: await shop.orders.listFor(await signedIn(headers)) } }),
    order: async ({ headers, params }) => ({ status: 200, body: { order: await shop.orders.get(await signedIn(headers), params.id) } }),
    me: async ({ headers }) => ({ status: 200, body: { user: await shop.users.get(await signedIn(headers)) } }),
    myNotifications: async ({ headers }) => ({ status: 200, body: { notifications: await shop.notifications.listFor(await signedIn(headers)) } }),
  });
}
