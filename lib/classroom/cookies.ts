// The cookies a classroom hands out in exchange for its links (passes the server signed, never the link's secret): HttpOnly (no script reads them) and SameSite=Strict
// (no other site's page sends them).
import type { IncomingHttpHeaders } from "node:http";

export const PRESENTER_COOKIE = "sandbox_presenter";
/** The viewer's pass: an id the server made and signed under the current join code. */
export const AUDIENCE_COOKIE = "sandbox_audience";

/** The request's cookies by name; a malformed pair is skipped, a repeated name keeps the first. */
export function readCookies(headers: IncomingHttpHeaders): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (headers.cookie ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at < 1) continue;
    const name = pair.slice(0, at).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(pair.slice(at + 1).trim()));
    } catch {
      // A broken escape: treated as no cookie at all.
    }
  }
  return cookies;
}

/** A session cookie (gone when the browser closes): a class lasts an afternoon. */
export function setCookie(name: string, value: string): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The Authorization header's bearer token, if any (how a script presents the presenter's token). */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "");
  return match?.[1];
}
