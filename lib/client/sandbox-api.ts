// The one client of the sandbox's control API in the browser: every answer becomes data or a sentence a person can read.

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

/** One control API call; a refusal carries the server's own `{error}` sentence, a network failure says so. */
export async function callApi<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      // JSON on every call, body or not: the control API takes acting requests only as JSON (or from its own pages).
      headers: method === "GET" ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    const parsed = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
    if (!response.ok) return { ok: false, status: response.status, error: parsed?.error ?? `${method} ${path} answered ${response.status}` };
    return { ok: true, data: parsed as T };
  } catch {
    return { ok: false, status: 0, error: "the sandbox did not answer: is the server still running?" };
  }
}

/** Asks the sandbox to act; resolves with null when it did, or with what went wrong, in words. */
export async function askSandbox(method: "POST" | "DELETE", path: string, body?: unknown): Promise<string | null> {
  const result = await callApi<unknown>(method, path, body);
  return result.ok ? null : result.error;
}
