// One JSON request with a deadline, answered as {status, body}: every helper and test speaks HTTP through it.

export interface JsonResponse<T = any> {
  status: number;
  body: T;
}

export interface JsonRequest {
  method?: string;
  /** Sent as JSON unless it is already a string (so tests can send malformed bodies). */
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export async function requestJson<T = any>(url: string, { method = "GET", body, token, headers = {}, timeoutMs = 10_000 }: JsonRequest = {}): Promise<JsonResponse<T>> {
  const response = await fetch(url, {
    method,
    headers: {
      // A script, not a cross-site form: the sandbox acts on a body-less POST only with this header (or JSON).
      "x-sandbox-client": "integration-test",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the test sees the raw text, and any assertion on its shape fails saying so.
  }
  return { status: response.status, body: parsed as T };
}
