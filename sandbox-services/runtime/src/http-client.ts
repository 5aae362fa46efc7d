// Calls another service over HTTP: finds it in the registry, carries the trace, times out, reports the call.
import { HttpError, ServiceUnavailableError } from "./errors";
import { resolve } from "./registry";
import { emit } from "./telemetry";
import { childSpan, formatTraceparent } from "./trace";
import type { StackId } from "../../../lib/contract/events";

/** How long a call may take before the caller gives up and reports the callee as down. */
export const CALL_TIMEOUT_MS = 3_000;

export interface CallResult<T = unknown> {
  status: number;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ServiceClient {
  call<T = unknown>(to: string, method: string, path: string, options?: CallOptions): Promise<CallResult<T>>;
  /** Like `call`, but an error answer is thrown as the same HttpError, so it reaches the shop's client unchanged. */
  request<T = unknown>(to: string, method: string, path: string, options?: CallOptions): Promise<T>;
}

export function createServiceClient(from: string, stack: StackId): ServiceClient {
  const client: ServiceClient = {
    async request<T>(to: string, method: string, path: string, options?: CallOptions) {
      const { status, body } = await client.call<T & { error?: string }>(to, method, path, options);
      if (status >= 400) throw new HttpError(status, body.error ?? `${to} answered ${status}`);
      return body;
    },
    async call<T>(to: string, method: string, path: string, options: CallOptions = {}) {
      const span = childSpan();
      const started = performance.now();
      const report = (status: number, error?: string) =>
        emit({
          type: "http",
          ts: Date.now(),
          stack,
          from,
          to,
          method,
          path,
          status,
          durationMs: performance.now() - started,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId,
          error,
        });
      const base = resolve(to);
      if (!base) {
        report(0, "no running instance");
        throw new ServiceUnavailableError(to, "no running instance");
      }
      try {
        const response = await fetch(base + path, {
          method,
          headers: {
            "content-type": "application/json",
            traceparent: formatTraceparent(span.traceId, span.spanId),
            "x-sandbox-from": from,
            ...options.headers,
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
        });
        const text = await response.text();
        const body = (text ? JSON.parse(text) : {}) as T;
        report(response.status, response.status >= 500 ? (body as { error?: string }).error : undefined);
        return { status: response.status, body };
      } catch (error) {
        const detail = error instanceof Error && error.name === "TimeoutError" ? "no answer in time" : "connection refused";
        report(0, detail);
        throw new ServiceUnavailableError(to, detail);
      }
    },
  };
  return client;
}
