// The classroom's door on every HTTP request: a link's ?token= or ?join= exchanged for a cookie (and the secret
// taken out of the address bar), a request without a role or acting without the right one refused, and
// /api/classroom answered. Returns false when the request goes on to the app as usual.
import type { IncomingMessage, ServerResponse } from "node:http";
import { accessRefusal } from "./access";
import type { Classroom } from "./classroom";
import { classroomRoutes, isClassroomPath } from "./classroom-routes";
import { AUDIENCE_COOKIE, PRESENTER_COOKIE, VIEWER_COOKIE, readCookies, setCookie } from "./cookies";
import { newViewerId } from "./secrets";

function refuse(request: IncomingMessage, response: ServerResponse, pathname: string, status: number, error: string): void {
  request.resume();
  const page = !pathname.startsWith("/api/") && !pathname.startsWith("/storefront/") && (request.headers.accept ?? "").includes("text/html");
  // A person who opened a stale link sees a sentence, not JSON; scripts get {error} as everywhere else.
  const payload = page
    ? `<!doctype html><html lang="en"><meta charset="utf-8"><title>Architecture Sandbox: classroom</title><main style="font:20px system-ui;margin:3em auto;max-width:36em"><h1>Classroom mode</h1><p>${error.replace(/[<>&]/g, "")}</p></main></html>`
    : JSON.stringify({ error });
  response.writeHead(status, { "content-type": page ? "text/html; charset=utf-8" : "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(payload), ...(request.complete ? {} : { connection: "close" }) });
  response.end(payload);
}

/** The same address without the link's secret, so it is neither bookmarked nor shown on the projector. */
function withoutSecrets(url: URL): string {
  url.searchParams.delete("token");
  url.searchParams.delete("join");
  return `${url.pathname}${url.search}`;
}

export function classroomGate(classroom: Classroom, dropAudience: () => void) {
  return (request: IncomingMessage, response: ServerResponse, pathname: string): boolean => {
    const url = new URL(request.url ?? "/", "http://classroom.invalid");
    const method = request.method ?? "GET";
    const token = url.searchParams.get("token");
    const join = url.searchParams.get("join");
    if ((token !== null || join !== null) && (method === "GET" || method === "HEAD") && !pathname.startsWith("/api/")) {
      const cookies: string[] = [];
      if (token !== null) {
        if (!classroom.isToken(token)) return refuse(request, response, pathname, 403, "this presenter link is not valid (a new one is printed at every start)"), true;
        cookies.push(setCookie(PRESENTER_COOKIE, token));
      } else if (join !== null) {
        if (!classroom.isJoinCode(join)) return refuse(request, response, pathname, 403, "this join code is not (or no longer) valid: ask the presenter for the audience link on the screen"), true;
        cookies.push(setCookie(AUDIENCE_COOKIE, classroom.joinCode));
        if (!readCookies(request.headers).has(VIEWER_COOKIE)) cookies.push(setCookie(VIEWER_COOKIE, newViewerId()));
      }
      response.writeHead(303, { location: withoutSecrets(url), "set-cookie": cookies, "cache-control": "no-store", "content-length": 0 });
      response.end();
      return true;
    }
    const visitor = classroom.visitorOf(request.headers);
    const refusal = accessRefusal(method, pathname, visitor, classroom.letClassShop);
    if (refusal) return refuse(request, response, pathname, refusal.status, refusal.error), true;
    if (visitor && isClassroomPath(pathname)) {
      void classroomRoutes(request, response, pathname, classroom, visitor, dropAudience).catch((error) => {
        console.error("classroom route failed", error);
        if (!response.headersSent) refuse(request, response, pathname, 500, "the classroom could not answer");
        else response.destroy();
      });
      return true;
    }
    return false;
  };
}
