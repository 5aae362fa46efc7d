// The classroom's own routes under /api/classroom: who am I and the links, the QR code, the audience link's
// rotation, the class's permission to shop, and the poll (open, vote, close, reveal). Access is checked before.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { PollOpenBodySchema, ShopPermissionBodySchema, VoteBodySchema } from "../contract/classroom";
import { CLASSROOM_ROUTE_NAMES, routesMatching, successStatus, type ClassroomRouteName, type ControlAnswer, type FileAnswer } from "../contract/control-api";
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

async function readBody<S extends z.ZodType>(request: IncomingMessage, schema: S): Promise<z.infer<S>> {
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

/** What a handler is given: who asks, the check that it is the presenter, and the body (read only when asked for). */
interface ClassroomContext {
  classroom: Classroom;
  visitor: Visitor;
  presenterOnly: () => void;
  body: <S extends z.ZodType>(schema: S) => Promise<z.infer<S>>;
  dropAudience: () => void;
}
type ClassroomHandler<K extends ClassroomRouteName> = (context: ClassroomContext) => ControlAnswer<K> | Promise<ControlAnswer<K>>;

/** The QR code is an image, not JSON. */
class SvgImage implements FileAnswer {
  readonly contentType = "image/svg+xml";
  constructor(readonly bytes: string) {}
}

/** One handler per classroom route of the control API's map (lib/contract/control-api.ts). */
export const CLASSROOM_HANDLERS: { [K in ClassroomRouteName]: ClassroomHandler<K> } = {
  classroom: ({ classroom, visitor }) => classroom.viewFor(visitor),
  classroomQr: async ({ classroom }) => new SvgImage(await qrSvg(classroom.audienceUrl)),
  rotateAudience: ({ classroom, visitor, presenterOnly, dropAudience }) => {
    presenterOnly();
    classroom.rotate();
    dropAudience();
    return classroom.viewFor(visitor);
  },
  letClassShop: async ({ classroom, visitor, presenterOnly, body }) => {
    presenterOnly();
    classroom.setShop((await body(ShopPermissionBodySchema)).allowed);
    return classroom.viewFor(visitor);
  },
  openPoll: async ({ classroom, visitor, presenterOnly, body }) => {
    presenterOnly();
    classroom.openPoll(await body(PollOpenBodySchema));
    return classroom.viewFor(visitor);
  },
  vote: async ({ classroom, visitor, body }) => {
    classroom.vote(visitor.viewerId, await body(VoteBodySchema));
    return classroom.viewFor(visitor);
  },
  closePoll: ({ classroom, visitor, presenterOnly }) => {
    presenterOnly();
    classroom.closePoll();
    return classroom.viewFor(visitor);
  },
  askPollAgain: ({ classroom, visitor, presenterOnly }) => {
    presenterOnly();
    classroom.askPollAgain();
    return classroom.viewFor(visitor);
  },
  revealPoll: ({ classroom, visitor, presenterOnly }) => {
    presenterOnly();
    classroom.revealPoll();
    return classroom.viewFor(visitor);
  },
};

/** Answers /api/classroom/*; `dropAudience` disconnects every viewer's socket after a rotation. */
export async function classroomRoutes(request: IncomingMessage, response: ServerResponse, pathname: string, classroom: Classroom, visitor: Visitor, dropAudience: () => void): Promise<void> {
  const method = request.method === "HEAD" ? "GET" : request.method;
  const presenterOnly = () => {
    if (visitor.role !== "presenter") throw new ClassroomRefusal(403, "only the presenter may do that");
  };
  try {
    const found = routesMatching(CLASSROOM_ROUTE_NAMES, pathname).find((match) => match.method === method);
    if (!found) return sendJson(response, 404, { error: `no classroom route ${method} ${pathname}` });
    const handler: ClassroomHandler<ClassroomRouteName> = CLASSROOM_HANDLERS[found.name];
    const answer = await handler({ classroom, visitor, presenterOnly, body: (schema) => readBody(request, schema), dropAudience });
    if (answer instanceof SvgImage) {
      response.writeHead(successStatus(found.name), { "content-type": answer.contentType, "cache-control": "no-store" });
      return void response.end(answer.bytes);
    }
    return sendJson(response, successStatus(found.name), answer);
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
