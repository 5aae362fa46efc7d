// The sandbox control API: a request listener that answers /api/sandbox and /api/services before Next sees them.
import type { IncomingMessage, ServerResponse } from "node:http";
import { RedeployBodySchema, ServiceActionSchema } from "../contract/control";
import type { Sandbox } from "./sandbox";
import { ActionRefused } from "./supervisor";

const MAX_BODY_BYTES = 16 * 1024;

class BadRequest extends Error {}

function send(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(payload) });
  response.end(payload);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest("the request body is too large");
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest("the request body is not valid JSON");
  }
}

/** Whether this listener answers the path; everything else goes to Next. */
export const isControlPath = (pathname: string): boolean => pathname === "/api/sandbox" || pathname.startsWith("/api/sandbox/") || pathname.startsWith("/api/services/");

export function controlApi(sandbox: Sandbox) {
  return async (request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> => {
    const method = request.method ?? "GET";
    try {
      if (pathname === "/api/sandbox" && method === "GET") return send(response, 200, sandbox.state());
      if (pathname === "/api/sandbox/reset" && method === "POST") {
        await readJson(request);
        await sandbox.reset();
        return send(response, 200, sandbox.state());
      }
      const serviceAction = /^\/api\/services\/([^/]+)\/([^/]+)$/.exec(pathname);
      if (serviceAction && method === "POST") {
        const [, id, actionName] = serviceAction;
        if (id === "redis" && !sandbox.supervisor.has(id)) return send(response, 409, { error: "redis was given through REDIS_URL: the sandbox does not manage it" });
        if (!sandbox.supervisor.has(id)) return send(response, 404, { error: `there is no service called ${decodeURIComponent(id)}` });
        const action = ServiceActionSchema.safeParse(actionName);
        if (!action.success) return send(response, 404, { error: `there is no action called ${decodeURIComponent(actionName)}: use kill, stop, start or redeploy` });
        const body = await readJson(request);
        if (action.data === "redeploy") {
          const parsed = RedeployBodySchema.safeParse(body);
          if (!parsed.success) throw new BadRequest(`invalid redeploy body: ${parsed.error.issues[0].message}`);
          if (parsed.data.strategy === "rolling") throw new BadRequest("the rolling strategy is not available yet: use recreate");
        } else if (typeof body !== "object" || body === null || Array.isArray(body) || Object.keys(body).length > 0) {
          throw new BadRequest(`${action.data} takes no body`);
        }
        await sandbox.act(id, action.data);
        return send(response, 200, { service: sandbox.state().services.find((service) => service.id === id) });
      }
      return send(response, 404, { error: `no control API route for ${method} ${pathname}` });
    } catch (error) {
      if (error instanceof BadRequest) return send(response, 400, { error: error.message });
      if (error instanceof ActionRefused) return send(response, error.status, { error: error.message });
      console.error("control API error", error);
      return send(response, 500, { error: "the sandbox could not carry out the request" });
    }
  };
}
