// The classroom's door on every HTTP request: a link's ?token= or ?join= exchanged for a cookie (and the secret
// taken out of the address bar), a request without a role or acting without the right one refused, and
// /api/classroom answered. Returns false when the request goes on to the app as usual.
import type { IncomingMessage, ServerResponse } from "node:http";
import { accessRefusal } from "./access";
import type { Classroom } from "./classroom";
import { classroomRoutes, isClassroomPath } from "./classroom-routes";
import { AUDIENCE_COOKIE, PRESENTER_COOKIE, setCookie } from "./cookies";
import { JoinThrottle } from "./join-throttle";

/** The path as Next will serve it (dots and backslashes resolved): the gate decides on what is served, not on what is sent. */
export function servedPath(pathname: string): string {
  try {
    return new URL(pathname, "http://classroom.invalid").pathname;
  } catch {
    return pathname;
  }
}

function refuse(request: IncomingMessage, response: ServerResponse, pathname: string, status: number, error: string, extra: Record<string, string> = {}): void {
  request.resume();
  const page = !pathname.startsWith("/api/") && !pathname.startsWith("/storefront/") && (request.headers.accept ?? "").includes("text/html");
  // A person who opened a stale link sees a sentence, not JSON; scripts get {error} as everywhere else.
  const payload = page
    ? `<!doctype html><html lang="en"><meta charset="utf-8"><title>Architecture Sandbox: classroom</title><main style="font:20px system-ui;margin:3em auto;max-width:36em"><h1>Classroom mode</h1><p>${error.replace(/[<>&]/g, "")}</p></main></html>`
    : JSON.stringify({ error });
  response.writeHead(status, { "content-type": page ? "text/html; charset=utf-8" : "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(payload), ...extra, ...(request.complete ? {} : { connection: "close" }) });
  response.end(payload);
}

/** The same address without the link's secret, so it is neither bookmarked nor shown on the projector. */
function withoutSecrets(url: URL): string {
  url.searchParams.delete("token");
  url.searchParams.delete("join");
  return `${url.pathname}${url.search}`;
}

export function classroomGate(classroom: Classroom, dropAudience: () => void, throttle = new JoinThrottle()) {
  /** A link exchanged for a cookie: the presenter's token always (it cannot be guessed), a join code while the client is not throttled. */
  function exchange(request: IncomingMessage, response: ServerResponse, pathname: string, url: URL, token: string | null, join: string | null): void {
    const client = request.socket.remoteAddress ?? "unknown";
    let cookie: string;
    if (token !== null && classroom.isToken(token)) cookie = setCookie(PRESENTER_COOKIE, classroom.presenterPass());
    else {
      const wait = throttle.retryAfterS(client);
      if (wait > 0) return refuse(request, response, pathname, 429, `too many attempts to join from this machine: try again in ${wait} s`, { "retry-after": String(wait) });
      if (token !== null || !classroom.isJoinCode(join!)) {
        throttle.failed(client);
        return refuse(request, response, pathname, 403, token !== null ? "this presenter link is not valid (a new one is printed at every start)" : "this join code is not (or no longer) valid: ask the presenter for the audience link on the screen");
      }
      throttle.passGiven(client);
      cookie = setCookie(AUDIENCE_COOKIE, classroom.audiencePass(request.headers));
    }
    response.writeHead(303, { location: withoutSecrets(url), "set-cookie": cookie, "cache-control": "no-store", "content-length": 0 });
    response.end();
  }

  return (request: IncomingMessage, response: ServerResponse, sentPath: string): boolean => {
    const url = new URL(request.url ?? "/", "http://classroom.invalid");
    const pathname = servedPath(sentPath);
    const method = request.method ?? "GET";
    const token = url.searchParams.get("token");
    const join = url.searchParams.get("join");
    if ((token !== null || join !== null) && (method === "GET" || method === "HEAD") && !pathname.startsWith("/api/")) {
      exchange(request, response, pathname, url, token, join);
      return true;
    }
    const visitor = classroom.visitorOf(request.headers);
    // Judged as sent (how the server routes it) and as served (how Next resolves it): both must be allowed.
    const refusal = accessRefusal(method, pathname, visitor, classroom.letClassShop) ?? accessRefusal(method, sentPath, visitor, classroom.letClassShop);
    if (refusal) return refuse(request, response, pathname, refusal.status, refusal.error), true;
    if (visitor && isClassroomPath(sentPath)) {
      void classroomRoutes(request, response, sentPath, classroom, visitor, dropAudience).catch((error) => {
        console.error("classroom route failed", error);
        if (!response.headersSent) refuse(request, response, pathname, 500, "the classroom could not answer");
        else response.destroy();
      });
      return true;
    }
    return false;
  };
}
