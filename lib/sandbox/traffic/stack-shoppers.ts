// The generated shoppers of one stack: a small pool of accounts with their tokens, the products they have seen,
// the requests they have in flight (bounded) and the entry points they take turns on.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { StackId } from "../../contract/events";
import { STOREFRONT_ROUTES, storefrontCall } from "../../contract/storefront-paths";
import { nextAction, type ProductOnSale, type ShopperAction, type ShopperStatus } from "./shopper-mix";
import { sendShopperRequest, type ShopperRequest } from "./shopper-http";
import type { TrafficTally } from "./traffic-tally";

/** Shoppers per stack: few, so registrations and logins (~50 ms of scrypt each) stay rare; tokens are reused. */
export const SHOPPERS_PER_STACK = 10;
/** Requests in flight per stack: beyond this a slow shop would make the generator pile up sockets and memory. */
export const MAX_IN_FLIGHT = 64;
/** Products remembered from the list: the shop sells six; a cap in case a list is unexpectedly long. */
const MAX_PRODUCTS = 100;
const PASSWORD = "generated shopper";

interface Shopper {
  email: string;
  status: ShopperStatus;
  token: string | null;
  lastOrderId: string | null;
}

const field = (body: unknown, ...path: string[]): unknown => path.reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), body);

function requestFor(action: ShopperAction, shopper: Shopper): ShopperRequest {
  const token = shopper.token ?? undefined;
  switch (action.kind) {
    case "list-products": return { ...storefrontCall(STOREFRONT_ROUTES.products), wantBody: true };
    case "view-product": return { ...storefrontCall(STOREFRONT_ROUTES.product, { id: action.productId }), wantBody: false };
    case "view-order": return { ...storefrontCall(STOREFRONT_ROUTES.order, { id: action.orderId }), token, wantBody: false };
    case "notifications": return { ...storefrontCall(STOREFRONT_ROUTES.myNotifications), token, wantBody: false };
    case "place-order": return { ...storefrontCall(STOREFRONT_ROUTES.placeOrder), token, body: { items: [{ productId: action.productId, quantity: 1 }] }, idempotencyKey: randomUUID(), wantBody: true };
    case "register": return { ...storefrontCall(STOREFRONT_ROUTES.register), body: { email: shopper.email, password: PASSWORD, name: "Generated shopper" }, wantBody: false };
    case "log-in": return { ...storefrontCall(STOREFRONT_ROUTES.login), body: { email: shopper.email, password: PASSWORD }, wantBody: true };
  }
}

export class StackShoppers {
  private readonly shoppers: Shopper[];
  private products: ProductOnSale[] = [];
  private inFlight = 0;
  private turn = 0;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT, maxFreeSockets: 16 });

  constructor(
    readonly stack: StackId,
    /** Healthy entry addresses now: read for every request, so a redeploy or a new replica is followed at once. */
    private readonly entryPoints: () => string[],
    private readonly dice: () => number = Math.random,
    /** Hears every request's outcome as the shopper got it (status 0: no answer; duration null: never sent). */
    private readonly heard: (method: string, path: string, status: number, durationMs: number | null) => void = () => {},
  ) {
    // Unique per run of the app, so a registration meets no account of an earlier run that kept its data folder.
    const run = randomBytes(4).toString("hex");
    this.shoppers = Array.from({ length: SHOPPERS_PER_STACK }, (_, index) => ({ email: `shopper-${run}-${stack}-${index}@example.com`, status: "anonymous", token: null, lastOrderId: null }));
  }

  /** One shopper's visit, counted in `tally`; skipped (not sent) when the stack already has the most in flight. */
  visit(tally: TrafficTally): void {
    if (this.inFlight >= MAX_IN_FLIGHT) {
      tally.skipped++;
      return;
    }
    tally.sent++;
    const shopper = this.shoppers[Math.floor(this.dice() * this.shoppers.length)];
    const action = nextAction(shopper, this.products, this.dice);
    const request = requestFor(action, shopper);
    const points = this.entryPoints();
    if (points.length === 0) {
      tally.answered(0, null);
      this.heard(request.method, request.path, 0, null);
      return;
    }
    const baseUrl = points[this.turn++ % points.length];
    const before = shopper.status;
    if (action.kind === "register" || action.kind === "log-in") shopper.status = "busy";
    this.inFlight++;
    void sendShopperRequest(this.agent, baseUrl, request).then((answer) => {
      this.inFlight--;
      tally.answered(answer.status, answer.durationMs);
      this.heard(request.method, request.path, answer.status, answer.durationMs);
      this.learn(shopper, action, before, answer.status, answer.body, tally);
    });
  }

  /** What a shopper takes from an answer: products seen, an order placed, a token, or the loss of one. */
  private learn(shopper: Shopper, action: ShopperAction, before: ShopperStatus, status: number, body: unknown, tally: TrafficTally): void {
    if (action.kind === "list-products" && status === 200) {
      const listed = field(body, "products");
      if (Array.isArray(listed)) this.products = listed.filter((product) => typeof field(product, "id") === "string" && typeof field(product, "priceCents") === "number").slice(0, MAX_PRODUCTS).map((product) => ({ id: product.id, priceCents: product.priceCents }));
    } else if (action.kind === "place-order" && status === 202) {
      tally.ordersAccepted++;
      const id = field(body, "order", "id");
      if (typeof id === "string") shopper.lastOrderId = id;
    } else if (action.kind === "register") {
      // 409: the account exists already (registered by an earlier attempt that timed out, say): just log in.
      shopper.status = status === 201 || status === 409 ? "registered" : before;
    } else if (action.kind === "log-in") {
      const token = field(body, "token");
      if (status === 200 && typeof token === "string") Object.assign(shopper, { status: "signed-in", token });
      // 401: no such account any more (the shop's data was reset): register again.
      else shopper.status = status === 401 ? "anonymous" : before;
    } else if (status === 401 && shopper.status === "signed-in") {
      // The token is no longer accepted: log in again at the next visit that needs one.
      Object.assign(shopper, { status: "registered", token: null, lastOrderId: null });
    }
  }
}
