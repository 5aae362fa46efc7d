// The HTTP side of a service: JSON in and out, /health and /ready, trace context, errors as {error}, calls from clients
// reported, calls without the stack's key refused (except the storefront of the shop's front door, and the probes).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { HttpError, errorBody } from "./errors";
import { beforeHandling } from "./faults";
import { log } from "./log";
import { compileRoutes, type Routes } from "./router";
import { SERVICE_KEY_HEADER, serviceKeyCheck } from "./service-key";
import { emit } from "./telemetry";
import { formatTraceparent, ORIGIN_HEADER, originField, originFrom, runInTrace, spanFrom } from "./trace";
import type { StackId } from "../../../lib/contract/events";
import { SHOPPER_HEADER, shopperOf } from "../../../lib/contract/shopper-pass";

/** Request bodies larger than this are refused (413) before they are parsed: nothing in the shop needs more. */
export const MAX_BODY_BYTES = 64 * 1024;
const TOO_LARGE = `the request body is too large: at most ${MAX_BODY_BYTES / 1024} KB`;

export interface ServerOptions {
  serviceId: string;
  stack: StackId;
  healthMessage: string;
  routes: Routes;
  /** The stack's key: a call that carries it is one of the stack's services. */
  serviceSecret: string;
  /** Whether anyone may call the routes (the gateway's and the monolith's storefront); /health always may. */
  publicRoutes: boolean;
  /** Told of every health check answered (the process starts its background work after the first). */
  onHealthCheck?: () => void;
  /** The process's own check that it can do its work (its database answers); throws when it cannot. */
  ready?: () => void;
}

/** The supervisor's probes: liveness (is the process there?) and readiness (can it serve a request now?). */
const PROBES: ReadonlySet<string> = new Set(["/health", "/ready"]);

function readBody(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // The rest is drained, not cut off: the caller reads a clean 413 rather than a dropped connection.
        request.off("data", onData);
        request.resume();
        reject(new HttpError(413, TOO_LARGE));
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, "the request body is not valid JSON"));
      }
    });
    request.on("error", reject);
  });
}

export function createHttpServer(options: ServerOptions): http.Server {
  const match = compileRoutes({
    "GET /health": () => {
      options.onHealthCheck?.();
      return { status: 200, body: { status: options.healthMessage } };
    },
    // Readiness walks the path a request takes (past the faults, into the database): what breaks requests fails it.
    "GET /ready": () => {
      options.ready?.();
      return { status: 200, body: { status: "ready" } };
    },
    ...options.routes,
  });

  const isOwnService = serviceKeyCheck(options.serviceSecret);
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://service");
    // A call is a service's only with the stack's key; anything else is a client, reported and judged as one.
    const fromClient = !isOwnService(request.headers[SERVICE_KEY_HEADER]);
    const span = spanFrom(request.headers.traceparent as string | undefined, originFrom(request.headers[ORIGIN_HEADER]));
    // A call from another service is reported by that caller, under its span: what this work does hangs from that one.
    if (!fromClient && span.parentSpanId) span.reportedSpanId = span.parentSpanId;
    const started = performance.now();
    const method = request.method ?? "GET";

    const send = (status: number, body: unknown, retryAfterS?: number) => {
      const payload = JSON.stringify(body);
      if (!request.readableEnded) request.resume(); // an unread body is drained, so the answer reaches the caller
      // The trace goes back to the caller, so a browser can follow the request it made, even one that failed.
      response.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(payload),
        traceparent: formatTraceparent(span.traceId, span.spanId),
        ...(retryAfterS === undefined ? {} : { "retry-after": String(retryAfterS) }),
      });
      response.end(method === "HEAD" ? undefined : payload);
      // Calls between services are reported by the caller, which also sees the ones that never arrive.
      if (fromClient && !PROBES.has(url.pathname)) {
        emit({
          type: "http",
          ts: Date.now(),
          stack: options.stack,
          from: "client",
          to: options.serviceId,
          method,
          path: url.pathname,
          status,
          durationMs: performance.now() - started,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId,
          error: status >= 400 ? (body as { error?: string }).error : undefined,
          ...originField(span),
        });
      }
    };

    runInTrace(span, async () => {
      try {
        if (fromClient && !options.publicRoutes && !PROBES.has(url.pathname)) throw new HttpError(403, `only the shop's own services may call ${options.serviceId}: the call did not carry its stack's key`);
        if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) throw new HttpError(413, TOO_LARGE);
        // HEAD answers as GET does, without the body.
        const route = match(method === "HEAD" ? "GET" : method, url.pathname);
        if (!route) throw new HttpError(404, `no route for ${method} ${url.pathname}`);
        // The liveness probe is spared latency and errors, so a fault shows in the shop, not as a dead process; the
        // readiness probe is not spared, so it fails the way the shop's requests do.
        if (url.pathname !== "/health") await beforeHandling(options.serviceId);
        const body = method === "GET" || method === "HEAD" ? undefined : await readBody(request);
        // The shopper the app's proxy vouches for (with the stack's key), else the connection's own address.
        const peer = shopperOf(options.serviceSecret, request.headers[SHOPPER_HEADER]) ?? request.socket.remoteAddress;
        const reply = await route.handler({ method, path: url.pathname, params: route.params, query: url.searchParams, headers: request.headers, body, peer });
        send(reply.status, reply.body);
      } catch (error) {
        if (error instanceof HttpError) {
          send(error.status, errorBody(error), error.retryAfterS);
        } else {
          log.error(`unexpected error in ${method} ${url.pathname}: ${error instanceof Error ? error.stack : String(error)}`);
          send(500, { error: `${options.serviceId} failed to handle the request` });
        }
      }
    });
  });
}

export function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}
