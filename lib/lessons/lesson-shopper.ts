// The shopper a lesson's solution uses to place orders: a fresh account on the stack's storefront, real HTTP,
// each answer told to the incident tracker like any other shopper's.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { StackId } from "../contract/events";
import { STOREFRONT_ROUTES, storefrontCall } from "../contract/storefront-paths";
import type { Sandbox } from "../sandbox/sandbox";
import { sendShopperRequest, type ShopperRequest } from "../sandbox/traffic/shopper-http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/**
 * Places `count` orders of one `productId` one after another; resolves with how many were accepted (202). `sentTwice`:
 * each is sent again with the same Idempotency-Key, as a shopper retrying would.
 */
export async function placeOrders(sandbox: Sandbox, stack: StackId, count: number, productId = "p-mouse", sentTwice = false): Promise<number> {
  const ask = async (request: Omit<ShopperRequest, "wantBody">) => {
    const base = sandbox.entryPoints(stack)[0];
    if (!base) throw new Error(`the ${stack} storefront is not answering`);
    const answer = await sendShopperRequest(agent, base, { ...request, wantBody: true });
    sandbox.shopperAnswered(stack, request.method, request.path, answer.status, answer.durationMs);
    return answer;
  };
  const email = `learner-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const password = "lesson password";
  // A service that has just started (a lesson's start state) may refuse the first tries: a few, a moment apart.
  const register = await attempt(() => ask({ ...storefrontCall(STOREFRONT_ROUTES.register), body: { email, password, name: "Learner" } }), (answer) => answer.status === 201 || answer.status === 409);
  const login = await attempt(() => ask({ ...storefrontCall(STOREFRONT_ROUTES.login), body: { email, password } }), (answer) => answer.status === 200);
  const token = (login.body as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`could not log in to the ${stack} shop (register answered ${register.status}, log in ${login.status})`);
  let accepted = 0;
  for (let index = 0; index < count; index++) {
    const order = { ...storefrontCall(STOREFRONT_ROUTES.placeOrder), token, body: { items: [{ productId, quantity: 1 }] }, idempotencyKey: randomUUID() };
    const answer = await ask(order);
    if (answer.status === 202) accepted++;
    if (sentTwice) await ask(order);
  }
  return accepted;
}

const ATTEMPTS = 5;
const PAUSE_MS = 300;

async function attempt<T>(call: () => Promise<T>, succeeded: (answer: T) => boolean): Promise<T> {
  let answer = await call();
  for (let tries = 1; tries < ATTEMPTS && !succeeded(answer); tries++) {
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    answer = await call();
  }
  return answer;
}
