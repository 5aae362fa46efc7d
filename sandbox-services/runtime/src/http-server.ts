// The HTTP side of a service: JSON in and out, /health, trace context, errors as {error}, calls from clients reported.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { HttpError } from "./errors";
import { beforeHandling } from "./faults";
import { log } from "./log";
import { compileRoutes, type Routes } from "./router";
import { emit } from "./telemetry";
import { formatTraceparent, ORIGIN_HEADER, originField, originFrom, runInTrace, spanFrom } from "./trace";
import type { StackId } from "../../../lib/contract/events";

/** Request bodies larger than this are refused: nothing in the shop needs more. */
const MAX_BODY_BYTES = 64 * 1024;

export interface ServerOptions {
  serviceId: string;
  stack: StackId;
  healthMessage: string;
  routes: Routes;
}

function readBody(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, "the request body is too large"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
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
    "GET /health": () => ({ status: 200, body: { status: options.healthMessage } }),
    ...options.routes,
  });

  return http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://service");
    const callerHeader = request.headers["x-sandbox-from"];
    const fromClient = typeof callerHeader !== "string";
    const span = spanFrom(request.headers.traceparent as string | undefined, originFrom(request.headers[ORIGIN_HEADER]));
    const started = performance.now();
    const method = request.method ?? "GET";

    const send = (status: number, body: unknown) => {
      const payload = JSON.stringify(body);
      // The trace goes back to the caller, so a browser can follow the request it made, even one that failed.
      response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload), traceparent: formatTraceparent(span.traceId, span.spanId) });
      response.end(payload);
      // Calls between services are reported by the caller, which also sees the ones that never arrive.
      if (fromClient && url.pathname !== "/health") {
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
        const route = match(method, url.pathname);
        if (!route) throw new HttpError(404, `no route for ${method} ${url.pathname}`);
        // The supervisor's health probe is spared latency and errors, so a fault shows in the shop, not as a dead process.
        if (url.pathname !== "/health") await beforeHandling(options.serviceId);
        const body = method === "GET" || method === "HEAD" ? undefined : await readBody(request);
        const reply = await route.handler({ method, path: url.pathname, params: route.params, query: url.searchParams, headers: request.headers, body });
        send(reply.status, reply.body);
      } catch (error) {
        if (error instanceof HttpError) {
          send(error.status, { error: error.message });
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
