// The same-origin rule: the app's own pages and local scripts pass; another page, a form or a rebound Host do not.
import { describe, expect, it } from "vitest";
import { loopbackHosts, sameOriginPolicy } from "./same-origin";
import { requestPath } from "./request-path";

const policy = sameOriginPolicy(loopbackHosts(3000));
const own = { host: "localhost:3000" };

describe("sameOriginPolicy", () => {
  it("lets the app's own page act with its Origin, whatever the content type", () => {
    expect(policy.request("POST", { ...own, origin: "http://localhost:3000", "content-type": "text/plain" })).toBeUndefined();
    expect(policy.request("DELETE", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).toBeUndefined();
  });

  it("lets a script act with JSON or the client header, and read with neither", () => {
    expect(policy.request("POST", { ...own, "content-type": "application/json; charset=utf-8" })).toBeUndefined();
    expect(policy.request("POST", { ...own, "x-sandbox-client": "curl" })).toBeUndefined();
    expect(policy.request("GET", own)).toBeUndefined();
  });

  it.each([
    ["a foreign Origin", { ...own, origin: "http://evil.example", "content-type": "application/json" }],
    ["an opaque Origin", { ...own, origin: "null" }],
    ["the app's name on another port", { ...own, origin: "http://localhost:3001" }],
    ["https for http", { ...own, origin: "https://localhost:3000" }],
    ["a form", { ...own, "content-type": "application/x-www-form-urlencoded" }],
    ["text/plain", { ...own, "content-type": "text/plain" }],
    ["a JSON look-alike", { ...own, "content-type": "application/jsonp" }],
    ["nothing at all", own],
  ])("refuses an acting request with %s (403)", (_what, headers) => {
    expect(policy.request("POST", headers)?.status).toBe(403);
  });

  it.each(["evil.example", "localhost", "localhost:3001", "127.0.0.1.nip.io:3000", ""])("refuses the Host %j (421), reads too", (host) => {
    expect(policy.request("GET", { host, "content-type": "application/json" })?.status).toBe(421);
    expect(policy.host({ host })?.status).toBe(421);
  });

  it("takes the hosts it is handed, so more names can be allowed", () => {
    const classroom = sameOriginPolicy([...loopbackHosts(3000), "sandbox.lan:3000"]);
    expect(classroom.request("POST", { host: "sandbox.lan:3000", origin: "http://sandbox.lan:3000" })).toBeUndefined();
  });
});

describe("requestPath", () => {
  it("keeps the path as sent, dots and escapes included, without the query", () => {
    expect(requestPath("/api/sandbox/../x?y=1")).toBe("/api/sandbox/../x");
    expect(requestPath("/api/sandbox/%2e%2e/x")).toBe("/api/sandbox/%2e%2e/x");
    expect(requestPath("http://localhost:3000/api/sandbox")).toBe("/api/sandbox");
    expect(requestPath(undefined)).toBe("/");
  });
});
