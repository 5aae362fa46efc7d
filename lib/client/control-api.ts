// Asking the sandbox to act: one POST or DELETE to its control API, answered with null or the sandbox's own error in words.
/** Sends the request; resolves with null when the sandbox did it, or with what went wrong, in words. */
export async function askSandbox(method: "POST" | "DELETE", path: string, body?: unknown): Promise<string | null> {
  try {
    const response = await fetch(path, {
      method,
      // JSON even without a body: the control API acts only on JSON requests (or those from its own pages).
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return null;
    let error: string | undefined;
    try {
      error = ((await response.json()) as { error?: string }).error;
    } catch {
      // Not JSON: described by its status below.
    }
    return error ?? `the sandbox answered ${response.status}`;
  } catch {
    return "the sandbox did not answer (is the app running?)";
  }
}
