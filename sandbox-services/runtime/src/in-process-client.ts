// Calls another module of the same process as a function call: the monolith's ServiceClient. The callee's own route
// table answers, its faults apply, the trace carries on, and each call is reported like an HTTP hop, `via: "in-process"`.
import type { StackId } from "../../../lib/contract/events";
import { HttpError, errorBody } from "./errors";
import type { CallOptions, CallResult, ServiceClient } from "./http-client";
import { log } from "./log";
import { withModuleFaults } from "./module-routes";
import { compileRoutes, type Reply, type Routes } from "./router";
import { emit } from "./telemetry";
import { childSpan, originField, runInTrace } from "./trace";

/** The modules of this process by id (e.g. "product-service"), each with the route table its microservice serves. */
export type ModuleDirectory = ReadonlyMap<string, Routes>;

type Matcher = ReturnType<typeof compileRoutes>;

function splitPath(path: string): { pathname: string; query: URLSearchParams } {
  const at = path.indexOf("?");
  return at < 0 ? { pathname: path, query: new URLSearchParams() } : { pathname: path.slice(0, at), query: new URLSearchParams(path.slice(at + 1)) };
}

const lowerCaseKeys = (headers: Record<string, string> = {}) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

export function createInProcessClient(from: string, stack: StackId, modules: ModuleDirectory): ServiceClient {
  // Compiled on first use: modules are wired one after another, so the directory fills after clients are made.
  const matchers = new Map<string, Matcher>();
  const matcherFor = (to: string): Matcher | undefined => {
    let matcher = matchers.get(to);
    const routes = modules.get(to);
    if (!matcher && routes) matchers.set(to, (matcher = compileRoutes(withModuleFaults(to, routes))));
    return matcher;
  };

  /** Runs the callee's handler; every way it can fail becomes the answer its HTTP server would have given. */
  async function answer(to: string, method: string, path: string, options: CallOptions): Promise<Reply> {
    try {
      const { pathname, query } = splitPath(path);
      const matcher = matcherFor(to);
      if (!matcher) throw new HttpError(500, `${to} is not a module of this process`);
      const route = matcher(method, pathname);
      if (!route) throw new HttpError(404, `no route for ${method} ${pathname}`);
      // Cloned both ways, as serialising would: modules never share a mutable object.
      const body = options.body === undefined ? undefined : structuredClone(options.body);
      const reply = await route.handler({ method, path: pathname, params: route.params, query, headers: lowerCaseKeys(options.headers), body });
      return { status: reply.status, body: structuredClone(reply.body) };
    } catch (error) {
      if (error instanceof HttpError) return { status: error.status, body: errorBody(error) };
      log.error(`unexpected error in ${to} ${method} ${path}: ${error instanceof Error ? error.stack : String(error)}`);
      return { status: 500, body: { error: `${to} failed to handle the request` } };
    }
  }

  const client: ServiceClient = {
    async request<T>(to: string, method: string, path: string, options?: CallOptions) {
      const { status, body } = await client.call<T & { error?: string; retryAfterS?: number }>(to, method, path, options);
      if (status >= 400) throw new HttpError(status, body.error ?? `${to} answered ${status}`, body.retryAfterS);
      return body;
    },
    async call<T>(to: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
      const span = childSpan();
      const started = performance.now();
      const reply = await runInTrace(span, () => answer(to, method, path, options));
      const error = reply.status >= 500 ? (reply.body as { error?: string }).error : undefined;
      emit({ type: "http", ts: Date.now(), stack, from, to, method, path, status: reply.status, durationMs: performance.now() - started, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId, error, via: "in-process", ...originField(span) });
      return reply as CallResult<T>;
    },
  };
  return client;
}
