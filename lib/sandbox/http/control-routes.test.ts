// The control API's routing, over a sandbox on a fake process driver: what each kind of refusal is answered with,
// and that a bug is a 500 with a sentence and nothing of its insides.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Instruments } from "../instruments";
import { FakeDriver } from "../processes/testing/fake-driver";
import { Sandbox } from "../sandbox";
import { controlApi } from "./control-routes";

let health: http.Server;
let api: http.Server;
let base: string;
let sandbox: Sandbox;

/** Only what the routes below reach; metrics stands in for any instrument with a bug in it. */
const instruments = {
  metrics: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'p95') at MetricsCollector.metrics (/work/lib/x.ts:12:3)");
  },
  beforeReset: () => {},
  // A change through the control API is counted against a running challenge's par.
  lessons: { countAction: () => {} },
} as unknown as Instruments;

const listen = (server: http.Server) => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  health = http.createServer((request, response) => response.writeHead(request.url === "/health" ? 200 : 404).end());
  const healthPort = await listen(health);
  sandbox = new Sandbox({ rootDir: process.cwd(), redisUrl: "redis://127.0.0.1:1", driver: new FakeDriver(healthPort) });
  await sandbox.start();
  const handle = controlApi(sandbox, instruments);
  api = http.createServer((request, response) => void handle(request, response, new URL(request.url ?? "/", "http://app").pathname));
  base = `http://127.0.0.1:${await listen(api)}`;
});
afterAll(async () => {
  await sandbox.shutdown();
  await Promise.all([health, api].map((server) => new Promise((resolve) => server.close(resolve))));
});

let stateBefore: string;
beforeEach(() => {
  stateBefore = JSON.stringify(sandbox.state().services.map(({ id, status, version, replicas }) => ({ id, status, version, replicas })));
});
afterEach(() => vi.restoreAllMocks());
const stateUnchanged = () => expect(JSON.stringify(sandbox.state().services.map(({ id, status, version, replicas }) => ({ id, status, version, replicas })))).toBe(stateBefore);

async function call(method: string, path: string, body?: string): Promise<{ status: number; json: { error?: string } }> {
  const response = await fetch(`${base}${path}`, { method, body, headers: body === undefined ? undefined : { "content-type": "application/json" } });
  return { status: response.status, json: (await response.json()) as { error?: string } };
}

describe("refusals", () => {
  it("an unknown service is 404 with its name", async () => {
    expect(await call("POST", "/api/services/no-such-service/kill", "{}")).toEqual({ status: 404, json: { error: "there is no service called no-such-service" } });
    stateUnchanged();
  });

  it("an action the lifecycle does not allow now is 409, saying when it would be", async () => {
    const { status, json } = await call("POST", "/api/services/payment-service/start", "{}");
    expect(status).toBe(409);
    expect(json.error).toBe("cannot start payment-service while it is healthy: start is possible when it is stopped, crashed");
    stateUnchanged();
  });

  it("an action that does not exist is 404 naming the ones that do", async () => {
    const { status, json } = await call("POST", "/api/services/payment-service/explode", "{}");
    expect(status).toBe(404);
    expect(json.error).toBe("there is no action called explode: use kill, stop, start, redeploy, scale, restart-policy");
  });

  it("a body that is not JSON, or does not fit, is 400 naming the problem", async () => {
    expect(await call("POST", "/api/faults", "{")).toEqual({ status: 400, json: { error: "the request body is not valid JSON" } });
    const scale = await call("POST", "/api/services/product-service/scale", JSON.stringify({ replicas: 99 }));
    expect(scale.status).toBe(400);
    expect(scale.json.error).toMatch(/^invalid scale body: replicas: /);
    expect(sandbox.faults.list()).toEqual([]);
    stateUnchanged();
  });

  it("a fault over the limit is 409 with the limit in words", async () => {
    const services = ["api-gateway", "auth-service", "user-service", "product-service", "order-service", "payment-service", "notification-service"];
    const bodies = services.flatMap((service) => ["microservices", "monolith"].flatMap((stack) => [{ service, type: "latency", ms: 5, stack }, { service, type: "errors", rate: 0.1, stack }]));
    try {
      const answers: number[] = [];
      for (const body of bodies) answers.push((await call("POST", "/api/faults", JSON.stringify(body))).status);
      const refused = answers.indexOf(409);
      expect(refused).toBeGreaterThan(0);
      expect(answers.slice(0, refused).every((status) => status === 201)).toBe(true);
      const { json } = await call("POST", "/api/faults", JSON.stringify(bodies.at(-1)));
      expect(json.error).toMatch(/^at most \d+ faults can be in force: clear some first$/);
      expect(sandbox.faults.list()).toHaveLength(refused);
    } finally {
      sandbox.faults.clear();
    }
  });

  it("a method a route does not take is 405 naming the ones it does", async () => {
    expect(await call("DELETE", "/api/sandbox")).toEqual({ status: 405, json: { error: "DELETE is not allowed on /api/sandbox: use GET" } });
  });
});

describe("bugs", () => {
  it("an exception from a bug is 500 with a sentence: no stack, no message, no file", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await fetch(`${base}/api/metrics`);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: "the sandbox could not carry out the request" });
    expect(text).not.toMatch(/TypeError|MetricsCollector|\.ts|at /);
    expect(logged).toHaveBeenCalledWith("control API error", expect.any(TypeError));
  });
});
