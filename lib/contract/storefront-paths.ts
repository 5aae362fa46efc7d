// The storefront API's routes, each named once: the gateway (and so the monolith) serves exactly these, and every
// shopper — the traffic generator, the lessons, the browser — calls them from here. Plain values without zod, so the
// shop's processes can load it (a service that bundles zod fails the build).

export interface StorefrontRoute {
  method: "GET" | "POST";
  /** The path pattern: a `:name` segment is a param, filled in by `storefrontPath`. */
  path: `/api/${string}`;
}

export const STOREFRONT_ROUTES = {
  register: { method: "POST", path: "/api/auth/register" },
  login: { method: "POST", path: "/api/auth/login" },
  products: { method: "GET", path: "/api/products" },
  product: { method: "GET", path: "/api/products/:id" },
  placeOrder: { method: "POST", path: "/api/orders" },
  myOrders: { method: "GET", path: "/api/orders" },
  order: { method: "GET", path: "/api/orders/:id" },
  me: { method: "GET", path: "/api/users/me" },
  myNotifications: { method: "GET", path: "/api/notifications" },
} as const satisfies Record<string, StorefrontRoute>;

export type StorefrontRouteName = keyof typeof STOREFRONT_ROUTES;

/** The params a path pattern names: "/api/orders/:id" → "id". */
type ParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<Rest> : Path extends `${string}:${infer Name}` ? Name : never;

/** What `storefrontPath` takes after the route: nothing for a fixed path, every named param otherwise. */
export type StorefrontParams<R extends StorefrontRoute> = [ParamNames<R["path"]>] extends [never] ? [] : [params: Record<ParamNames<R["path"]>, string>];

/** The concrete path of one call to `route`, each param encoded as one segment; a param left out is refused. */
export function storefrontPath<R extends StorefrontRoute>(route: R, ...[params]: StorefrontParams<R>): string {
  const given: Record<string, string | undefined> = params ?? {};
  return route.path.replace(/:([^/]+)/g, (_, name: string) => {
    const value = given[name];
    if (value === undefined) throw new Error(`${storefrontRouteKey(route)} needs its ${name}`);
    return encodeURIComponent(value);
  });
}

/** The method and concrete path of one call to `route`: what a shopper sends. */
export function storefrontCall<R extends StorefrontRoute>(route: R, ...params: StorefrontParams<R>): { method: R["method"]; path: string } {
  return { method: route.method, path: storefrontPath(route, ...params) };
}

/** The gateway's key for `route` ("POST /api/orders"), as the shop's router matches it. */
export const storefrontRouteKey = (route: StorefrontRoute): string => `${route.method} ${route.path}`;
