// The headers every answer of the app carries, in both modes: no other site may frame it (a page could lay it under a
// decoy and take a real click), the browser never guesses a type, and no address leaks to another site as a referrer.
import type { ServerResponse } from "node:http";

/**
 * Everything from the app's own origin. Next's pages carry inline scripts (the streamed page data) and React sets
 * inline styles, so those two are allowed inline; nothing is loaded from anywhere else. In development React also
 * evaluates code it rebuilds, so eval is allowed there only.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(dev: boolean): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(dev),
    // For browsers that do not read frame-ancestors.
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
}

/** Sets them on a response before anyone writes it: the control API, the classroom's pages, Next and the storefront. */
export function withSecurityHeaders(dev: boolean): (response: ServerResponse) => void {
  const headers = Object.entries(securityHeaders(dev));
  return (response) => {
    for (const [name, value] of headers) response.setHeader(name, value);
  };
}
