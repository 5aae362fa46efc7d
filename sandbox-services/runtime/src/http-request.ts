// One HTTP request from a service to another over kept-alive connections (node:http), instead of global fetch:
// fetch loads undici, ~20 MB more resident per process, and costs several times more CPU per call than a hop should.
import http from "node:http";

export interface HttpAnswer {
  status: number;
  /** The body as text ("" when there is none). */
  text: string;
}

/** Raised when no answer came within the time allowed; named like fetch's, so callers tell it from a refusal. */
export class RequestTimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/**
 * Connections between services stay open for the next call (the TCP and socket set-up is most of a hop's cost
 * otherwise). A free socket is closed before the callee's own keep-alive timeout (Node's server: 5 s; the agent
 * also follows the `Keep-Alive: timeout` the callee announces), so a call rarely lands on a socket being closed.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, timeout: 4_000, scheduling: "lifo" });

const targets = new Map<string, { hostname: string; port: number }>();
/** "http://127.0.0.1:40123" → where to connect, parsed once per address. */
function targetOf(base: string): { hostname: string; port: number } {
  let target = targets.get(base);
  if (!target) {
    const url = new URL(base);
    target = { hostname: url.hostname, port: Number(url.port || 80) };
    if (targets.size > 1_000) targets.clear(); // addresses change with every deploy: never an unbounded map
    targets.set(base, target);
  }
  return target;
}

function once(base: string, method: string, path: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<HttpAnswer & { reusedSocketFailed?: boolean }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = targetOf(base);
    const request = http.request({ agent, hostname, port, method, path, headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) } });
    const timer = setTimeout(() => request.destroy(new RequestTimeoutError(`no answer from ${base} in ${timeoutMs} ms`)), timeoutMs);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, text: chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8") });
      });
      response.on("error", (error) => (clearTimeout(timer), reject(error)));
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // A kept-alive socket the callee closed just as we sent (Node's documented pattern, `request.reusedSocket`):
      // a read is sent again on a new connection; a write is not, as a callee that died mid-request looks the same.
      if (request.reusedSocket && error.code === "ECONNRESET" && (method === "GET" || method === "HEAD")) resolve({ status: 0, text: "", reusedSocketFailed: true });
      else reject(error);
    });
    request.end(body);
  });
}

/** Sends one request and reads the whole answer; rejects with RequestTimeoutError, or the socket's error. */
export async function httpRequest(base: string, method: string, path: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<HttpAnswer> {
  const started = Date.now();
  const first = await once(base, method, path, headers, body, timeoutMs);
  if (!first.reusedSocketFailed) return first;
  return once(base, method, path, headers, body, Math.max(1, timeoutMs - (Date.now() - started)));
}
