// One storefront request from a generated shopper: real HTTP over a keep-alive agent, with a deadline, answered as
// a status (0 when no answer came) and, when asked for, the parsed JSON body.
import http from "node:http";

export interface ShopperRequest {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  token?: string;
  /** One per intent to order: a repeat of the request gives back the same order, so it may be retried. */
  idempotencyKey?: string;
  /** Parse the answer's JSON body; other bodies are read and thrown away unstored. */
  wantBody: boolean;
}

export interface ShopperAnswer {
  /** HTTP status, or 0 when no answer came (refused, reset, timed out). */
  status: number;
  durationMs: number;
  body?: unknown;
}

/** A shopper gives up after this long, and the request counts as failed. */
export const REQUEST_TIMEOUT_MS = 5_000;
/** A body we parse is a product list, an order or a token; anything larger is not what we asked for. */
const MAX_PARSED_BODY_BYTES = 256 * 1024;

function once(agent: http.Agent, baseUrl: string, request: ShopperRequest, started: number): Promise<ShopperAnswer & { retryable: boolean }> {
  return new Promise((resolve) => {
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    // Marks the request as generated, so every event of its trace is marked and the page can fold them.
    const headers: Record<string, string> = { accept: "application/json", "x-sandbox-origin": "traffic" };
    if (payload !== undefined) Object.assign(headers, { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) });
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    if (request.idempotencyKey) headers["idempotency-key"] = request.idempotencyKey;
    let settled = false;
    const finish = (answer: ShopperAnswer, retryable = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...answer, retryable });
    };
    const outgoing = http.request(`${baseUrl}${request.path}`, { method: request.method, agent, headers }, (response) => {
      const status = response.statusCode ?? 0;
      if (!request.wantBody) {
        response.resume();
        response.once("end", () => finish({ status, durationMs: performance.now() - started }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_PARSED_BODY_BYTES) chunks.push(chunk);
      });
      response.once("end", () => {
        let body: unknown;
        try {
          body = size <= MAX_PARSED_BODY_BYTES ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined;
        } catch {
          body = undefined;
        }
        finish({ status, durationMs: performance.now() - started, body });
      });
      response.once("error", () => finish({ status: 0, durationMs: performance.now() - started }));
    });
    const deadline = setTimeout(() => outgoing.destroy(new Error("timed out")), REQUEST_TIMEOUT_MS - (performance.now() - started));
    deadline.unref();
    outgoing.once("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed just as we reused it: the request never reached it, so one retry is safe.
      finish({ status: 0, durationMs: performance.now() - started }, outgoing.reusedSocket && error.code === "ECONNRESET");
    });
    outgoing.end(payload);
  });
}

export async function sendShopperRequest(agent: http.Agent, baseUrl: string, request: ShopperRequest): Promise<ShopperAnswer> {
  const started = performance.now();
  const first = await once(agent, baseUrl, request, started);
  // A write is repeated only when it carries an Idempotency-Key: then a repeat cannot do it twice.
  if (!first.retryable || (request.method !== "GET" && !request.idempotencyKey)) return first;
  return once(agent, baseUrl, request, started);
}
