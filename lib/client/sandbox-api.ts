// The one client of the sandbox's control API in the browser. It asks by route name (lib/contract/control-api.ts), so
// the path, the body and the answer's type come from the map; every answer becomes data or a sentence a person can read.
import { CONTROL_API, controlPath, type ControlAnswer, type ControlBody, type JsonRouteName, type OptionalWhenEmpty, type PathOptions } from "../contract/control-api";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

/** A route's params and query, and its body: required when the route needs one, optional when `{}` would do. */
export type CallOptions<K extends JsonRouteName> = PathOptions<K> &
  (ControlBody<K> extends undefined ? { body?: undefined } : {} extends ControlBody<K> ? { body?: ControlBody<K> } : { body: ControlBody<K> });

/** One control API call; a refusal carries the server's own `{error}` sentence, a network failure says so. */
export async function callControl<K extends JsonRouteName>(name: K, ...[options]: OptionalWhenEmpty<CallOptions<K>>): Promise<ApiResult<ControlAnswer<K>>> {
  const { method } = CONTROL_API[name];
  const path = controlPath(name, options as never);
  const body = (options as { body?: unknown } | undefined)?.body;
  try {
    const response = await fetch(path, {
      method,
      // JSON on every call, body or not: the control API takes acting requests only as JSON (or from its own pages).
      headers: method === "GET" ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    const parsed = (await response.json().catch(() => null)) as (ControlAnswer<K> & { error?: string }) | null;
    if (!response.ok) return { ok: false, status: response.status, error: parsed?.error ?? `${method} ${path} answered ${response.status}` };
    return { ok: true, data: parsed as ControlAnswer<K> };
  } catch {
    return { ok: false, status: 0, error: "the sandbox did not answer: is the server still running?" };
  }
}

/** Asks the sandbox to act; resolves with null when it did, or with what went wrong, in words. */
export async function askSandbox<K extends JsonRouteName>(name: K, ...options: OptionalWhenEmpty<CallOptions<K>>): Promise<string | null> {
  const result = await callControl(name, ...options);
  return result.ok ? null : result.error;
}
