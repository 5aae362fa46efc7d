// Lets the browser shop through the app's own origin: /storefront/<stack>/api/... is passed to that stack's gateway
// unchanged, as a shopper's browser would call it. Only storefront paths pass; nothing else of the shop is exposed.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { StackIdSchema, type StackId } from "../../contract/events";
import { SHOPPER_HEADER } from "../../contract/shopper-pass";
import { BodyTooLarge, declaredTooLarge } from "./body-limit";

/** A shopper's call that takes longer than this is answered 504 rather than left hanging. */
export const PROXY_TIMEOUT_MS = 10_000;
/** The shop's own services take no larger body; the app refuses one before it reaches them. */
export const STOREFRONT_MAX_BODY_BYTES = 64 * 1024;
const PREFIX = /^\/storefront\/([a-z]+)(\/api\/.*)$/;

export const isStorefrontPath = (pathname: string): boolean => pathname.startsWith("/storefront/");

function fail(response: ServerResponse, status: number, error: string): void {
  if (response.headersSent) return void response.destroy();
  const payload = JSON.stringify({ error });
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload) });
  response.end(payload);
}

/**
 * `entryPoints` gives the healthy instances where shoppers enter a stack; calls take turns between them.
 * `answered` hears of every shopper's request as the shopper got it: its status (0: no answer) and how long the whole
 * answer took from here (null: it could not be sent), to measure what shoppers see and what outages cost.
 * `vouch` names the shopper to the shop (a pass signed with the stack's key): every request reaches the shop from
 * this one address, so without it a limit per shopper would be one limit for the whole class.
 */
export function storefrontProxy(
  entryPoints: (stack: StackId) => string[],
  answered: (stack: StackId, method: string, path: string, status: number, durationMs: number | null) => void = () => {},
  vouch: (stack: StackId, request: IncomingMessage) => string | undefined = () => undefined,
) {
  let turn = 0;
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? "/", "http://app");
    const match = PREFIX.exec(url.pathname);
    const stack = StackIdSchema.safeParse(match?.[1]);
    if (!match || !stack.success) return fail(response, 404, "storefront paths look like /storefront/microservices/api/products");
    const method = request.method ?? "GET";
    const path = match[2];
    const tooLarge = declaredTooLarge(request, STOREFRONT_MAX_BODY_BYTES);
    if (tooLarge) {
      request.resume();
      return fail(response, 413, tooLarge.message);
    }
    const started = performance.now();
    const entries = entryPoints(stack.data);
    const base = entries[turn++ % Math.max(1, entries.length)];
    if (!base) {
      answered(stack.data, method, path, 503, null);
      return fail(response, 503, stack.data === "microservices" ? "api-gateway is down: the shop has no entry point" : "the monolith is down: the whole shop is unavailable");
    }
    const target = new URL(match[2] + url.search, base);
    const headers: http.OutgoingHttpHeaders = { "content-type": request.headers["content-type"] ?? "application/json" };
    if (request.headers.authorization) headers.authorization = request.headers.authorization;
    if (typeof request.headers.traceparent === "string") headers.traceparent = request.headers.traceparent;
    if (request.headers["content-length"]) headers["content-length"] = request.headers["content-length"];
    if (typeof request.headers["idempotency-key"] === "string") headers["idempotency-key"] = request.headers["idempotency-key"];
    // Set here only, never passed on from the client: a client's own claim to be someone else is dropped above.
    const pass = vouch(stack.data, request);
    if (pass) headers[SHOPPER_HEADER] = pass;
    const upstream = http.request(target, { method, headers, timeout: PROXY_TIMEOUT_MS }, (answer) => {
      const status = answer.statusCode ?? 0;
      answer.once("end", () => answered(stack.data, method, path, status, performance.now() - started));
      const passed: http.OutgoingHttpHeaders = { "content-type": answer.headers["content-type"] ?? "application/json", "cache-control": "no-store" };
      if (answer.headers.traceparent) passed.traceparent = answer.headers.traceparent;
      if (answer.headers["retry-after"]) passed["retry-after"] = answer.headers["retry-after"];
      response.writeHead(answer.statusCode ?? 502, passed);
      answer.pipe(response);
    });
    upstream.on("timeout", () => upstream.destroy(new Error("timeout")));
    upstream.on("error", (error) => (answered(stack.data, method, path, 0, performance.now() - started), fail(response, error.message === "timeout" ? 504 : 503, error.message === "timeout" ? "the shop did not answer in time" : "the shop's entry point could not be reached")));
    // A body without a declared length is counted as it streams: past the limit it is cut off and refused here.
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= STOREFRONT_MAX_BODY_BYTES || upstream.destroyed) return;
      request.unpipe(upstream);
      upstream.removeAllListeners("error").on("error", () => {});
      upstream.destroy();
      request.resume();
      answered(stack.data, method, path, 413, null);
      fail(response, 413, new BodyTooLarge(STOREFRONT_MAX_BODY_BYTES).message);
    });
    request.pipe(upstream);
  };
}
