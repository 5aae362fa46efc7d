// The control API and the storefront, as a benchmark drives them: small JSON helpers over loopback.
import type { Audit, SandboxState } from "../../lib/contract/control";
import type { RunningApp } from "./app";
import { STOREFRONT_ROUTES, storefrontPath } from "../../lib/contract/storefront-paths";

export async function call<T = unknown>(url: string, method = "GET", body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function control<T = unknown>(app: RunningApp, method: string, path: string, body?: unknown): Promise<T> {
  const { status, body: answer } = await call<T & { error?: string }>(`${app.baseUrl}${path}`, method, body);
  if (status >= 400) throw new Error(`${method} ${path} answered ${status}: ${answer.error}`);
  return answer;
}

export const state = (app: RunningApp) => control<SandboxState>(app, "GET", "/api/sandbox");
export const audit = async (app: RunningApp, stack = "microservices") => (await control<Audit[]>(app, "GET", "/api/sandbox/audit")).find((entry) => entry.stack === stack)!;

/** A registered, logged-in shopper on a stack's storefront (through the app's proxy). */
export async function shopper(app: RunningApp, stack = "microservices"): Promise<{ storefront: string; token: string }> {
  const storefront = `${app.baseUrl}/storefront/${stack}`;
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  await call(`${storefront}${storefrontPath(STOREFRONT_ROUTES.register)}`, "POST", { email, password: "benchmark password", name: "Bench" });
  const { body } = await call<{ token: string }>(`${storefront}${storefrontPath(STOREFRONT_ROUTES.login)}`, "POST", { email, password: "benchmark password" });
  return { storefront, token: body.token };
}
