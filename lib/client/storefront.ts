// The shop's storefront API as a browser client calls it: through this app's origin, to the chosen stack's entry
// (the microservices' gateway or the monolith).
import type { StackId } from "../contract/events";

/** The app passes /storefront/<stack>/api/* to that stack's entry unchanged: a storefront path goes after this. */
export const storefrontBase = (stack: StackId): string => `/storefront/${stack}`;

/** The trace a call started, from its answer's `traceparent` header (00-<traceId>-<spanId>-01); null when absent or malformed. */
export function traceIdOfTraceparent(header: string | null): string | null {
  const match = header ? /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(header.trim()) : null;
  return match ? match[1] : null;
}

/** Every answer says which trace it belongs to, when the shop said so: a refused call can be followed too. */
export type ShopAnswer<T> = ({ ok: true; status: number; body: T } | { ok: false; status: number; error: string }) & { traceId?: string | null };

/** One storefront call to `path` (a path of the storefront's table, "/api/orders"). A refusal comes back as the shop's own `{error}` with its status; nothing throws. */
export async function shopCall<T>(
  path: string,
  options: { method?: string; body?: unknown; token?: string | null; stack?: StackId; idempotencyKey?: string } = {},
): Promise<ShopAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(`${storefrontBase(options.stack ?? "microservices")}${path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, error: "the sandbox did not answer (is the app running?)" };
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // An empty or non-JSON answer: described below by its status.
  }
  const traceId = traceIdOfTraceparent(response.headers.get("traceparent"));
  if (response.ok) return { ok: true, status: response.status, body: payload as T, traceId };
  const error = payload && typeof payload === "object" && "error" in payload ? String((payload as { error: unknown }).error) : `the shop answered ${response.status}`;
  return { ok: false, status: response.status, error, traceId };
}

/** "503 · order-service is down": how a refusal reads in the shopper panel. */
export const describeRefusal = (answer: { status: number; error: string }): string => (answer.status ? `${answer.status} · ${answer.error}` : answer.error);

export const formatCents = (cents: number): string => `$${(cents / 100).toFixed(2)}`;
