// Which storefront feature a shopper's request belongs to, so a failure's blast radius can be named in a shopper's words.
import type { Feature } from "../../contract/compare";

const FEATURE_ROUTES: Array<[method: string, path: RegExp, feature: Feature]> = [
  ["GET", /^\/api\/products(\/[^/]+)?$/, "browse"],
  ["POST", /^\/api\/auth\/login$/, "log in"],
  ["POST", /^\/api\/auth\/register$/, "register"],
  ["POST", /^\/api\/orders$/, "order"],
  ["GET", /^\/api\/orders(\/[^/]+)?$/, "my orders"],
  ["GET", /^\/api\/notifications$/, "notifications"],
  ["GET", /^\/api\/users\/me$/, "profile"],
];

/** The feature of a storefront request, or undefined for anything else (health checks, unknown paths). */
export function featureOf(method: string, path: string): Feature | undefined {
  const bare = path.split("?")[0];
  return FEATURE_ROUTES.find(([routeMethod, pattern]) => routeMethod === method && pattern.test(bare))?.[2];
}

/** A shopper's request failed when no answer came or the shop broke (5xx); a 4xx is the shop working. */
export const shopperFailed = (status: number): boolean => status === 0 || status >= 500;
