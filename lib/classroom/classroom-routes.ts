// The classroom's own routes under /api/classroom: who am I and the links, the QR code, the audience link's
// rotation, the class's permission to shop, and the poll (open, vote, close, reveal). Access is checked before.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { PollOpenBodySchema, ShopPermissionBodySchema, VoteBodySchema } from "../contract/classroom";
import { BodyTooLarge, parseJsonText, readLimited } from "../sandbox/http/body-limit";
import { ClassroomRefusal, type Classroom, type Visitor } from "./classroom";
import { qrSvg } from "./qr";

const MAX_BODY_BYTES = 4 * 1024;

export const isClassroomPath = (pathname: string): boolean => pathname === "/api/classroom" || pathname.startsWith("/api/classroom/");

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(payload) });
  response.end(payload);
}

async function body<S extends z.ZodType>(request: IncomingMessage, schema: S): Promise<z.infer<S>> {
  let value: unknown;
  // Over the limit is a 413 (thrown on as it is); only a body that is not JSON is a 400.
  const bytes = await readLimited(request, MAX_BODY_BYTES);
  try {
    const parsed = parseJsonText(bytes);
    value = parsed.empty ? {} : parsed.value;
  } catch {
    throw new ClassroomRefusal(400, "the request body is not valid JSON");
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ClassroomRefusal(400, `invalid body: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
}

/** Answers /api/classroom/*; `dropAudience` disconnects every viewer's socket after a rotation. */
export async function classroomRoutes(request: IncomingMessage, response: ServerResponse, pathname: string, classroom: Classroom, visitor: Visitor, dropAudience: () => void): Promise<void> {
  const route = `${request.method === "HEAD" ? "GET" : request.method} ${pathname}`;
  const presenterOnly = () => {
    if (visitor.role !== "presenter") throw new ClassroomRefusal(403, "only the presenter may do that");
  };
  try {
    switch (route) {
      case "GET /api/classroom":
        return sendJson(response, 200, classroom.viewFor(visitor));
      case "GET /api/classroom/qr.svg": {
        const svg = await qrSvg(classroom.audienceUrl);
        response.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "no-store" });
        return void response.end(svg);
      }
      case "POST /api/classroom/audience/rotate":
        presenterOnly();
        classroom.rotate();
        dropAudience();
        return sendJson(response, 200, classroom.viewFor(visitor));
      case "POST /api/classroom/shop":
        presenterOnly();
        classroom.setShop((await body(request, ShopPermissionBodySchema)).allowed);
        return sendJson(response, 200, classroom.viewFor(visitor));
      case "POST /api/classroom/poll":
        presenterOnly();
        classroom.openPoll(await body(request, PollOpenBodySchema));
        return sendJson(response, 201, classroom.viewFor(visitor));
      case "POST /api/classroom/vote":
        classroom.vote(visitor.viewerId, await body(request, VoteBodySchema));
        return sendJson(response, 200, classroom.viewFor(visitor));
      case "POST /api/classroom/poll/close":
        presenterOnly();
        classroom.closePoll();
        return sendJson(response, 200, classroom.viewFor(visitor));
      case "POST /api/classroom/poll/reveal":
        presenterOnly();
        classroom.revealPoll();
        return sendJson(response, 200, classroom.viewFor(visitor));
      default:
        return sendJson(response, 404, { error: `no classroom route ${route}` });
    }
  } catch (error) {
    if (error instanceof ClassroomRefusal) return sendJson(response, error.status, { error: error.message });
    if (error instanceof BodyTooLarge) return sendJson(response, 413, { error: error.message });
    throw error;
  }
}

/** Outside classroom mode the page still asks: it is told there is no class (and so everyone on 127.0.0.1 acts). */
export function answerClassroomOff(request: IncomingMessage, response: ServerResponse, pathname: string): boolean {
  if (pathname !== "/api/classroom" || (request.method !== "GET" && request.method !== "HEAD")) return false;
  sendJson(response, 200, { enabled: false });
  return true;
}
