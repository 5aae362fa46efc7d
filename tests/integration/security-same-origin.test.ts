// Who may act on the sandbox: another web page (a foreign Origin, a plain cross-site form, a DNS-rebound Host) is
// refused on every acting route, on the storefront and on the live stream, and nothing changes; the app's own
// pages and local scripts still act. Also the limits: 413 before parsing, JSON for any /api path, HEAD as GET.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app";
import { requestJson } from "./support/http";
import { rawRequest } from "./support/raw-http";
import { fingerprint as stateOf } from "./support/fingerprint";
import { uniqueEmail, Storefront } from "./support/storefront";

let app: RunningApp;
let port: number;
let faultId: string;

/** One request with every header as given; Host is the app's unless the headers say otherwise. */
const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer) => rawRequest(app.origin, method, path, headers, body);

const fingerprint = () => stateOf(app);

beforeAll(async () => {
  app = await startApp();
  port = Number(new URL(app.origin).port);
  // Something for DELETE /api/faults to remove, if it were obeyed.
  const fault = await requestJson(`${app.origin}/api/faults`, { method: "POST", body: { service: "notification-service", type: "latency", ms: 1 } });
  expect(fault.status).toBe(201);
  faultId = fault.body.fault.id;
});

afterAll(async () => {
  await app?.stop();
});

/** Every acting route of the control API, with a body that would be obeyed if it came from the app's own page. */
const actingRoutes = (): Array<[method: string, path: string, body: string]> => [
  ["POST", "/api/sandbox/architecture", JSON.stringify({ architecture: "monolith" })],
  ["POST", "/api/sandbox/reset", ""],
  ["POST", "/api/sandbox/resilience", JSON.stringify({ retries: 3 })],
  ["POST", "/api/services/payment-service/kill", ""],
  ["POST", "/api/services/payment-service/stop", ""],
  ["POST", "/api/services/payment-service/redeploy", JSON.stringify({ strategy: "recreate" })],
  ["POST", "/api/services/payment-service/scale", JSON.stringify({ replicas: 2 })],
  ["POST", "/api/services/payment-service/restart-policy", JSON.stringify({ restart: "on-failure" })],
  ["POST", "/api/faults", JSON.stringify({ service: "payment-service", type: "errors", rate: 1 })],
  ["DELETE", "/api/faults", ""],
  ["DELETE", `/api/faults/${faultId}`, ""],
  ["POST", "/api/traffic", JSON.stringify({ rps: 5 })],
  ["POST", "/api/scenarios/payment-outage/start", ""],
  // A route added later (a lesson, say) is guarded too: the rule is checked before any route is matched.
  ["POST", "/api/lessons/1/start", ""],
];

describe("another web page cannot drive the sandbox", () => {
  it("refuses every acting route from a foreign Origin, a plain cross-site form and a foreign Host, and changes nothing", async () => {
    const before = await fingerprint();
    const tries: Array<[string, Record<string, string>, number]> = [
      ["a foreign Origin with text/plain", { origin: "http://evil.example", "content-type": "text/plain" }, 403],
      ["a foreign Origin even with JSON", { origin: "http://evil.example", "content-type": "application/json" }, 403],
      ["an opaque Origin (null)", { origin: "null", "content-type": "text/plain" }, 403],
      ["a form without an Origin", { "content-type": "application/x-www-form-urlencoded" }, 403],
      ["text/plain without an Origin", { "content-type": "text/plain" }, 403],
      ["no content type and no Origin", {}, 403],
      ["a DNS-rebound Host", { host: `evil.example:${port}`, "content-type": "application/json" }, 421],
      ["a loopback name on another port", { host: `localhost:${port + 1}`, "content-type": "application/json" }, 421],
    ];
    for (const [method, path, body] of actingRoutes()) {
      for (const [what, headers, status] of tries) {
        const answer = await raw(method, path, headers, body);
        expect({ what, method, path, status: answer.status, error: typeof answer.body?.error }).toEqual({ what, method, path, status, error: "string" });
      }
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("answers no read to a foreign Host or a foreign Origin (DNS rebinding reads the stream of services and users)", async () => {
    for (const path of ["/api/sandbox", "/api/metrics", "/api/sandbox/audit", "/"]) {
      expect((await raw("GET", path, { host: "evil.example" })).status).toBe(421);
    }
    expect((await raw("GET", "/api/sandbox", { origin: "http://evil.example" })).status).toBe(403);
  });

  it("refuses the storefront to another page: no account is made, no login answered", async () => {
    const email = uniqueEmail();
    const body = JSON.stringify({ email, password: "correct horse", name: "Mallory's victim" });
    expect((await raw("POST", "/storefront/microservices/api/auth/register", { origin: "http://evil.example", "content-type": "text/plain" }, body)).status).toBe(403);
    expect((await raw("POST", "/storefront/microservices/api/auth/register", { "content-type": "text/plain" }, body)).status).toBe(403);
    expect((await raw("GET", "/storefront/microservices/api/products", { host: "evil.example" })).status).toBe(421);
    const shop = new Storefront(await app.storefrontUrl());
    expect((await shop.login({ email, password: "correct horse" })).status).toBe(401);
  });

  it("refuses the live stream to a foreign Origin or Host, and opens it to the app's own page", async () => {
    const handshake = "/socket.io/?EIO=4&transport=polling";
    expect((await raw("GET", handshake, { origin: "http://evil.example" })).status).toBe(403);
    expect((await raw("GET", handshake, { host: "evil.example" })).status).toBe(403);
    const own = await raw("GET", handshake, { origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
    expect(own.text).toContain("sid");
    expect((await raw("GET", handshake, { host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it("still obeys the app's own page (its Origin, any content type) and a local script (JSON or the client header)", async () => {
    const own = await raw("POST", "/api/sandbox/resilience", { origin: `http://127.0.0.1:${port}`, "content-type": "text/plain;charset=UTF-8" }, JSON.stringify({ retries: 1 }));
    expect(own.status).toBe(200);
    expect(own.body.resilience.retries).toBe(1);
    const script = await raw("POST", "/api/sandbox/resilience", { "x-sandbox-client": "curl" }, JSON.stringify({ retries: 0 }));
    expect(script.status).toBe(200);
    expect(script.body.resilience.retries).toBe(0);
  });
});

describe("limits and shapes", () => {
  it("answers a control body over 16 KB with 413 before parsing it, declared or streamed, and logs no error", async () => {
    // Declared as 10 MB, and answered before the body is even sent: nothing of it is read or parsed.
    const declared = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, method: "POST", path: "/api/faults", agent: false, headers: { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) } }, (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        response.on("end", () => (resolve({ status: response.statusCode ?? 0, text }), request.destroy()));
      });
      request.on("error", reject);
      request.write("{");
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text).error).toContain("too large");
    const streamed = await raw("POST", "/api/faults", { "content-type": "application/json", "transfer-encoding": "chunked" }, Buffer.alloc(200 * 1024, "a"));
    expect(streamed.status).toBe(413);
    expect(app.output()).not.toContain("control API error");
  });

  it("answers a storefront body over 64 KB with 413, not a lost entry point", async () => {
    const body = JSON.stringify({ email: uniqueEmail(), password: "x".repeat(70 * 1024), name: "Big" });
    const answer = await raw("POST", "/storefront/microservices/api/auth/register", { "content-type": "application/json" }, body);
    expect(answer.status).toBe(413);
    expect(answer.body.error).toContain("too large");
  });

  it.each(["/api/sandbox/../../etc/passwd", "/api/sandbox/%2e%2e/%2e%2e/etc/passwd", "/api/nothing-here", "/api/services/..%2f..%2fpackage.json/kill"])("answers %s with JSON, never a page", async (path) => {
    const answer = await raw("GET", path);
    expect(answer.status).toBe(404);
    expect(answer.headers["content-type"]).toContain("application/json");
    expect(typeof answer.body.error).toBe("string");
  });

  it("answers HEAD as GET, without a body", async () => {
    const head = await raw("HEAD", "/api/sandbox");
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toContain("application/json");
    expect(head.text).toBe("");
  });

  it("refuses a body with a byte-order mark as not JSON", async () => {
    const answer = await raw("POST", "/api/sandbox/resilience", { "content-type": "application/json" }, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ retries: 2 }))]));
    expect(answer.status).toBe(400);
    expect((await app.state()).resilience.retries).toBe(0);
  });
});
