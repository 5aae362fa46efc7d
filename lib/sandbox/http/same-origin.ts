// Who may act on the sandbox: only its own pages and local scripts. A request must name one of the hosts the app
// serves (a DNS-rebinding page names its own), carry no foreign Origin, and, when it acts without the app's own
// Origin, prove it is no cross-site form by a header such a form cannot send.
import type { IncomingHttpHeaders } from "node:http";

/** A refused request: 421 for a host the app does not serve, 403 for a foreign page or a form-like request. */
export interface Refusal {
  status: 403 | 421;
  error: string;
}

/** The header a script may send instead of a JSON content type; a cross-site page cannot send it without asking first. */
export const CLIENT_HEADER = "x-sandbox-client";

/** The loopback names the app answers to on its port; more (the classroom mode's) are handed in by whoever starts it. */
export function loopbackHosts(port: number): string[] {
  const names = ["127.0.0.1", "localhost", "[::1]"];
  return names.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`]));
}

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether the content type is JSON (a cross-site form can send only urlencoded, multipart or text/plain). */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const media = contentType.split(";", 1)[0].trim().toLowerCase();
  return media === "application/json";
}

export interface SameOriginPolicy {
  /** Refusal for any request whose Host the app does not serve (DNS rebinding); undefined when it may go on. */
  host(headers: IncomingHttpHeaders): Refusal | undefined;
  /** Host, then Origin, then for acting methods the JSON-or-client-header rule; undefined when it may go on. */
  request(method: string, headers: IncomingHttpHeaders): Refusal | undefined;
  /** Whether this Origin header value is the app's own. */
  ownOrigin(origin: string): boolean;
}

/** `hosts` are the Host header values the app answers to, e.g. ["127.0.0.1:3000", "localhost:3000"]. */
export function sameOriginPolicy(hosts: readonly string[]): SameOriginPolicy {
  const allowedHosts = new Set(hosts.map((host) => host.toLowerCase()));
  const allowedOrigins = new Set(hosts.map((host) => `http://${host.toLowerCase()}`));
  const served = hosts[0] ?? "localhost";
  const policy: SameOriginPolicy = {
    ownOrigin: (origin) => allowedOrigins.has(origin.toLowerCase()),
    host(headers) {
      const host = headers.host;
      if (host && allowedHosts.has(host.toLowerCase())) return undefined;
      return { status: 421, error: `this sandbox answers only to its own address (e.g. http://${served}), not to ${host ? `"${host}"` : "a request without a Host"}` };
    },
    request(method, headers) {
      const wrongHost = policy.host(headers);
      if (wrongHost) return wrongHost;
      const origin = headers.origin;
      if (origin !== undefined) {
        if (policy.ownOrigin(origin)) return undefined;
        return { status: 403, error: `another site (${origin}) may not use the sandbox: only its own pages may` };
      }
      if (READS.has(method)) return undefined;
      if (isJson(headers["content-type"]) || headers[CLIENT_HEADER] !== undefined) return undefined;
      return { status: 403, error: `send "content-type: application/json" (or an ${CLIENT_HEADER} header) to act on the sandbox: a plain form from another site cannot` };
    },
  };
  return policy;
}
