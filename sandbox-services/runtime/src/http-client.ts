// Calls another service over HTTP: finds it in the registry, carries the trace, applies the resilience patterns
// in force (timeout, retries, circuit breaker) and the faults (partitions), and reports every attempt.
import type { StackId } from "../../../lib/contract/events";
import { CircuitBreaker } from "./circuit-breaker";
import { HttpError, ServiceUnavailableError } from "./errors";
import { partitioned } from "./faults";
import { resolve } from "./registry";
import { SERVICE_KEY_HEADER } from "./service-key";
import { httpRequest } from "./http-request";
import { HARD_TIMEOUT_MS, onResilienceChange, resilience, retryDelayMs } from "./resilience";
import { emit } from "./telemetry";
import { childSpan, formatTraceparent, ORIGIN_HEADER, originField } from "./trace";

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `secret` is the stack's service key: every call carries it, or the callee refuses. */
export function createServiceClient(from: string, stack: StackId, secret: string): ServiceClient {
  const breakers = new Map<string, CircuitBreaker>();
  const breakerFor = (to: string) => {
    let breaker = breakers.get(to);
    if (!breaker) {
      breaker = new CircuitBreaker((state, reason) => emit({ type: "circuit", ts: Date.now(), stack, from, to, state, reason }));
      breakers.set(to, breaker);
    }
    return breaker;
  };
  onResilienceChange((next) => {
    if (!next.circuitBreaker) for (const breaker of breakers.values()) breaker.reset();
  });

  /** One attempt: a failure to get any answer is thrown as ServiceUnavailableError; an answer is returned. */
  async function attempt<T>(to: string, method: string, path: string, options: CallOptions): Promise<CallResult<T>> {
    const span = childSpan();
    const started = performance.now();
    const report = (status: number, error?: string) =>
      emit({ type: "http", ts: Date.now(), stack, from, to, method, path, status, durationMs: performance.now() - started, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId, error, via: "http", ...originField(span) });
    const unavailable = (detail: string) => {
      report(0, detail);
      return new ServiceUnavailableError(to, detail);
    };
    if (partitioned(from, to)) throw unavailable("network partition");
    const base = resolve(to);
    if (!base) throw unavailable("no running instance");
    const settings = resilience();
    try {
      const headers = { "content-type": "application/json", traceparent: formatTraceparent(span.traceId, span.spanId), "x-sandbox-from": from, [SERVICE_KEY_HEADER]: secret, ...(span.origin && { [ORIGIN_HEADER]: span.origin }), ...options.headers };
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const answer = await httpRequest(base, method, path, headers, body, settings.timeouts ? settings.timeoutMs : HARD_TIMEOUT_MS);
      const parsed = (answer.text ? JSON.parse(answer.text) : {}) as T;
      report(answer.status, answer.status >= 500 ? (parsed as { error?: string }).error : undefined);
      return { status: answer.status, body: parsed };
    } catch (error) {
      throw unavailable(error instanceof Error && error.name === "TimeoutError" ? "no answer in time" : "connection refused");
    }
  }

  const client: ServiceClient = {
    async request<T>(to: string, method: string, path: string, options?: CallOptions) {
      const { status, body } = await client.call<T & { error?: string; retryAfterS?: number }>(to, method, path, options);
      if (status >= 400) throw new HttpError(status, body.error ?? `${to} answered ${status}`, body.retryAfterS);
      return body;
    },
    async call<T>(to: string, method: string, path: string, options: CallOptions = {}) {
      const settings = resilience();
      const breaker = settings.circuitBreaker ? breakerFor(to) : undefined;
      // Only reads are retried: repeating a write could do it twice.
      const tries = method === "GET" ? 1 + settings.retries : 1;
      let lastError: unknown;
      for (let round = 1; round <= tries; round++) {
        if (breaker && !breaker.allow()) throw new ServiceUnavailableError(to, "circuit open: calls are refused until it has rested");
        try {
          const result = await attempt<T>(to, method, path, options);
          if (result.status >= 500) {
            breaker?.failed();
            if (round < tries) {
              await sleep(retryDelayMs(round));
              continue;
            }
          } else breaker?.succeeded();
          return result;
        } catch (error) {
          breaker?.failed();
          lastError = error;
          if (round < tries) await sleep(retryDelayMs(round));
        }
      }
      throw lastError;
    },
  };
  return client;
}
