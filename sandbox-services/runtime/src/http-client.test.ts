// The HTTP client between services, against a real local HTTP server: reads are retried as often as asked and
// writes never; timeouts, partitions and a missing callee are clear 503s; the circuit breaker stops calls reaching
// a failing callee and is reset when switched off.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TelemetryEvent } from "../../../lib/contract/events";
import { DEFAULT_RESILIENCE } from "../../../lib/contract/resilience-default";
import type { Resilience } from "../../../lib/contract/resilience";
import { FAILURES_TO_OPEN } from "./circuit-breaker";
import { ServiceUnavailableError } from "./errors";
import { setFaults } from "./faults";
import { createServiceClient } from "./http-client";
import { setRegistry } from "./registry";
import { setResilience } from "./resilience";

/** Every event the client reports, as the supervisor would receive it. */
const reported: TelemetryEvent[] = [];
vi.mock("./telemetry", () => ({ emit: (event: TelemetryEvent) => reported.push(event) }));

/** What the callee does with each request: answer with a status, or hang up without answering. */
let behaviour: { kind: "answer"; status: number } | { kind: "hang-up" } | { kind: "late"; ms: number } | { kind: "empty" } = { kind: "answer", status: 200 };
const received: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      if (behaviour.kind === "hang-up") return void request.socket.destroy();
      if (behaviour.kind === "empty") return void response.writeHead(204).end();
      const status = behaviour.kind === "answer" ? behaviour.status : 200;
      const answer = () => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(status >= 500 ? { error: `failed with ${status}` } : { ok: true }));
      };
      if (behaviour.kind === "late") setTimeout(answer, behaviour.ms);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  received.length = 0;
  reported.length = 0;
  behaviour = { kind: "answer", status: 200 };
  setFaults([], "microservices");
  setResilience(DEFAULT_RESILIENCE);
  setRegistry({});
});

function client(settings: Partial<Resilience> = {}) {
  setRegistry({ "order-service": [base] });
  setResilience({ ...DEFAULT_RESILIENCE, ...settings });
  return createServiceClient("api-gateway", "microservices", "test-service-key");
}

describe("retries", () => {
  it("retries a read that answered 500 as many times as asked: 1 + retries attempts, then answers the last 500", async () => {
    behaviour = { kind: "answer", status: 500 };
    const result = await client({ retries: 3 }).call("order-service", "GET", "/orders");
    expect(result).toEqual({ status: 500, body: { error: "failed with 500" } });
    expect(received.map((request) => request.method)).toEqual(["GET", "GET", "GET", "GET"]);
  });

  it("never retries a write that answered 500: a POST with 3 retries reaches the callee once", async () => {
    behaviour = { kind: "answer", status: 500 };
    const result = await client({ retries: 3 }).call("order-service", "POST", "/orders", { body: { items: [] } });
    // Had it been retried, the retries would have been made before this answer came back.
    expect(result.status).toBe(500);
    expect(received.map((request) => request.method)).toEqual(["POST"]);
    expect(JSON.parse(received[0].body)).toEqual({ items: [] });
  });

  it.each(["PUT", "PATCH", "DELETE"])("never retries a %s either", async (method) => {
    behaviour = { kind: "answer", status: 503 };
    await client({ retries: 1 }).call("order-service", method, "/orders/o-1");
    expect(received).toHaveLength(1);
  });

  it("never retries a write whose connection was cut before an answer: it may have been done", async () => {
    behaviour = { kind: "hang-up" };
    const failure = await client({ retries: 3 }).call("order-service", "POST", "/orders").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceUnavailableError);
    expect((failure as Error).message).toBe("order-service is down (connection refused)");
    expect(received).toHaveLength(1);
  });

  it("retries a read whose connection was cut, and throws the last failure", async () => {
    behaviour = { kind: "hang-up" };
    await expect(client({ retries: 1 }).call("order-service", "GET", "/orders")).rejects.toThrow("order-service is down (connection refused)");
    expect(received).toHaveLength(2);
  });

  it("stops retrying as soon as a read succeeds, and does not retry an answer below 500", async () => {
    behaviour = { kind: "answer", status: 404 };
    const result = await client({ retries: 3 }).call("order-service", "GET", "/orders/o-9");
    expect(result.status).toBe(404);
    expect(received).toHaveLength(1);
  });

  it("sends a read once when no retries are asked for", async () => {
    behaviour = { kind: "answer", status: 500 };
    await client({ retries: 0 }).call("order-service", "GET", "/orders");
    expect(received).toHaveLength(1);
  });
});

describe("what every call carries", () => {
  it("sends the trace, the caller's name and JSON, and hands back the parsed answer", async () => {
    const result = await client().call("order-service", "GET", "/orders", { headers: { authorization: "Bearer t" } });
    expect(result).toEqual({ status: 200, body: { ok: true } });
    expect(received[0].headers).toMatchObject({ "x-sandbox-from": "api-gateway", "content-type": "application/json", authorization: "Bearer t", traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/) });
    expect(received[0].body).toBe("");
  });

  it("reports every attempt: caller, callee, method, path, status, duration and trace, with the error of a failed one", async () => {
    behaviour = { kind: "answer", status: 503 };
    await client({ retries: 1 }).call("order-service", "GET", "/orders?mine=1");
    expect(reported).toHaveLength(2);
    for (const event of reported) {
      expect(event).toEqual({ type: "http", ts: expect.any(Number), stack: "microservices", from: "api-gateway", to: "order-service", method: "GET", path: "/orders?mine=1", status: 503, durationMs: expect.any(Number), traceId: expect.stringMatching(/^[0-9a-f]{32}$/), spanId: expect.stringMatching(/^[0-9a-f]{16}$/), parentSpanId: undefined, error: "failed with 503", via: "http" });
      expect((event as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(0);
      // Measured from the attempt's own start (a bound, not a speed claim: the test's own timeout is far below it).
      expect((event as { durationMs: number }).durationMs).toBeLessThan(60_000);
    }
    reported.length = 0;
    behaviour = { kind: "answer", status: 404 };
    await client().call("order-service", "GET", "/orders/o-1");
    expect(reported).toEqual([expect.objectContaining({ status: 404, error: undefined })]);
  });

  it("reports a call that got no answer with status 0 and why", async () => {
    behaviour = { kind: "hang-up" };
    await client().call("order-service", "POST", "/orders").catch(() => {});
    expect(reported).toEqual([expect.objectContaining({ type: "http", from: "api-gateway", to: "order-service", method: "POST", path: "/orders", status: 0, error: "connection refused" })]);
  });

  it("takes an empty answer as an empty body", async () => {
    behaviour = { kind: "empty" };
    await expect(client().call("order-service", "DELETE", "/orders/o-1")).resolves.toEqual({ status: 204, body: {} });
  });

  it("request() throws an error answer without a sentence as the status it got", async () => {
    behaviour = { kind: "answer", status: 400 };
    await expect(client().request("order-service", "POST", "/orders")).rejects.toMatchObject({ status: 400, message: "order-service answered 400" });
  });

  it("request() throws an error answer as the same status and sentence", async () => {
    behaviour = { kind: "answer", status: 502 };
    await expect(client().request("order-service", "GET", "/orders")).rejects.toMatchObject({ status: 502, message: "failed with 502" });
    behaviour = { kind: "answer", status: 200 };
    await expect(client().request("order-service", "GET", "/orders")).resolves.toEqual({ ok: true });
  });
});

describe("when the callee cannot be reached", () => {
  it("says there is no running instance when the registry has none", async () => {
    setResilience(DEFAULT_RESILIENCE);
    const failure = await createServiceClient("api-gateway", "microservices", "test-service-key").call("order-service", "GET", "/orders").catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 503, message: "order-service is down (no running instance)" });
  });

  it("says a partition cut the call, without sending it", async () => {
    const caller = client();
    setFaults([{ id: "f-1", createdAt: 0, service: "api-gateway", type: "partition", peer: "order-service" }], "microservices");
    await expect(caller.call("order-service", "GET", "/orders")).rejects.toThrow("order-service is down (network partition)");
    expect(received).toHaveLength(0);
  });

  it("gives up on a slow answer after the timeout, saying so", async () => {
    behaviour = { kind: "late", ms: 1_000 };
    await expect(client({ timeouts: true, timeoutMs: 50 }).call("order-service", "GET", "/orders")).rejects.toThrow("order-service is down (no answer in time)");
  });

  it("waits for a slow answer when timeouts are off", async () => {
    behaviour = { kind: "late", ms: 150 };
    await expect(client({ timeouts: false, timeoutMs: 50 }).call("order-service", "GET", "/orders")).resolves.toMatchObject({ status: 200 });
  });
});

describe("the circuit breaker", () => {
  it(`stops calls reaching the callee after ${FAILURES_TO_OPEN} failures in a row, refusing them at once`, async () => {
    behaviour = { kind: "answer", status: 500 };
    const caller = client({ circuitBreaker: true });
    for (let i = 0; i < FAILURES_TO_OPEN; i++) expect((await caller.call("order-service", "GET", "/orders")).status).toBe(500);
    await expect(caller.call("order-service", "GET", "/orders")).rejects.toThrow("order-service is down (circuit open: calls are refused until it has rested)");
    expect(received).toHaveLength(FAILURES_TO_OPEN);
    expect(reported.filter((event) => event.type === "circuit")).toEqual([{ type: "circuit", ts: expect.any(Number), stack: "microservices", from: "api-gateway", to: "order-service", state: "open", reason: `${FAILURES_TO_OPEN} calls failed in a row` }]);
  });

  it("counts a call cut off as a failure too", async () => {
    behaviour = { kind: "hang-up" };
    const caller = client({ circuitBreaker: true });
    for (let i = 0; i < FAILURES_TO_OPEN; i++) await expect(caller.call("order-service", "POST", "/orders")).rejects.toThrow("connection refused");
    await expect(caller.call("order-service", "POST", "/orders")).rejects.toThrow("circuit open");
  });

  it("a success in between resets the count", async () => {
    const caller = client({ circuitBreaker: true });
    behaviour = { kind: "answer", status: 500 };
    for (let i = 0; i < FAILURES_TO_OPEN - 1; i++) await caller.call("order-service", "GET", "/orders");
    behaviour = { kind: "answer", status: 200 };
    await caller.call("order-service", "GET", "/orders");
    behaviour = { kind: "answer", status: 500 };
    for (let i = 0; i < FAILURES_TO_OPEN - 1; i++) await caller.call("order-service", "GET", "/orders");
    expect((await caller.call("order-service", "GET", "/orders")).status).toBe(500);
  });

  it("is closed again when the pattern is switched off, so calls go through at once", async () => {
    behaviour = { kind: "answer", status: 500 };
    const caller = client({ circuitBreaker: true });
    for (let i = 0; i < FAILURES_TO_OPEN; i++) await caller.call("order-service", "GET", "/orders");
    setResilience({ ...DEFAULT_RESILIENCE, circuitBreaker: false });
    setResilience({ ...DEFAULT_RESILIENCE, circuitBreaker: true });
    expect((await caller.call("order-service", "GET", "/orders")).status).toBe(500);
    expect(received).toHaveLength(FAILURES_TO_OPEN + 1);
  });

  it("stays open when other settings change while the pattern stays on", async () => {
    behaviour = { kind: "answer", status: 500 };
    const caller = client({ circuitBreaker: true });
    for (let i = 0; i < FAILURES_TO_OPEN; i++) await caller.call("order-service", "GET", "/orders");
    setResilience({ ...DEFAULT_RESILIENCE, circuitBreaker: true, retries: 1 });
    await expect(caller.call("order-service", "GET", "/orders")).rejects.toThrow("circuit open");
  });

  it("leaves calls alone while the pattern is off, however many fail", async () => {
    behaviour = { kind: "answer", status: 500 };
    const caller = client({ circuitBreaker: false });
    for (let i = 0; i < FAILURES_TO_OPEN + 2; i++) expect((await caller.call("order-service", "GET", "/orders")).status).toBe(500);
    expect(received).toHaveLength(FAILURES_TO_OPEN + 2);
  });
});
