// How the monolith's modules call each other: the callee's own routes answer as a function call, with its faults,
// its errors as statuses, the caller's trace, and one http event per call marked "in-process".
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HttpEvent, TelemetryEvent } from "../../../lib/contract/events";
import type { Fault } from "../../../lib/contract/faults";
import { conflict, HttpError } from "./errors";
import { setFaults } from "./faults";
import { createInProcessClient } from "./in-process-client";
import type { Request, Routes } from "./router";
import { emit } from "./telemetry";
import { currentTrace, newSpanId, newTraceId, runInTrace } from "./trace";

vi.mock("./telemetry", () => ({ emit: vi.fn(), flush: vi.fn() }));
vi.mock("./log", () => ({ log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } }));

const httpEvents = () => vi.mocked(emit).mock.calls.map(([event]: [TelemetryEvent]) => event).filter((event): event is HttpEvent => event.type === "http");

const fault = (service: Fault["service"], type: Fault["type"], extra: Partial<Fault>): Fault => ({ id: `f-${type}`, service, type, createdAt: Date.now(), ...extra });

let received: Request[];
let modules: Map<string, Routes>;

beforeEach(() => {
  vi.mocked(emit).mockClear();
  received = [];
  modules = new Map<string, Routes>([
    [
      "product-service",
      {
        "GET /products/:id": (request) => (received.push(request), { status: 200, body: { product: { id: request.params.id } } }),
        "POST /reservations": (request) => {
          received.push(request);
          (request.body as { items: unknown[] }).items.push("added by the callee");
          return { status: 201, body: { trace: currentTrace() } };
        },
        "POST /out-of-stock": () => {
          throw conflict("Wireless mouse is out of stock");
        },
        "GET /broken": () => {
          throw new Error("a bug in the module");
        },
      },
    ],
    ["user-service", { "GET /users/:id": () => ({ status: 200, body: { from: "user-service" } }) }],
  ]);
});

afterEach(() => {
  setFaults([], "monolith");
  vi.useRealTimers();
});

describe("an in-process call", () => {
  it("is answered by the callee module's own route, with its params, query and body", async () => {
    const client = createInProcessClient("api-gateway", "monolith", modules);

    const got = await client.call("product-service", "GET", "/products/p%20mouse?userId=u-1");
    expect(got).toEqual({ status: 200, body: { product: { id: "p mouse" } } });
    expect(received[0]).toMatchObject({ method: "GET", path: "/products/p%20mouse", params: { id: "p mouse" } });
    expect(received[0].query.get("userId")).toBe("u-1");

    expect(await client.call("user-service", "GET", "/users/u-1")).toEqual({ status: 200, body: { from: "user-service" } });
  });

  it("hands the callee a copy of the body, so modules never share a mutable object", async () => {
    const client = createInProcessClient("order-service", "monolith", modules);
    const body = { orderId: "o-1", items: ["p-mouse"] };

    await client.call("product-service", "POST", "/reservations", { body });

    expect(received[0].body).toEqual({ orderId: "o-1", items: ["p-mouse", "added by the callee"] });
    expect(body.items).toEqual(["p-mouse"]);
  });

  it("turns the callee's HttpError into its status and {error}, as its HTTP server would", async () => {
    const client = createInProcessClient("order-service", "monolith", modules);

    expect(await client.call("product-service", "POST", "/out-of-stock")).toEqual({ status: 409, body: { error: "Wireless mouse is out of stock" } });
    expect(await client.call("product-service", "GET", "/nowhere")).toEqual({ status: 404, body: { error: "no route for GET /nowhere" } });
    expect(await client.call("product-service", "GET", "/broken")).toEqual({ status: 500, body: { error: "product-service failed to handle the request" } });
    await expect(client.request("product-service", "POST", "/out-of-stock")).rejects.toEqual(new HttpError(409, "Wireless mouse is out of stock"));
  });

  it("reports one http event via in-process, in the caller's trace, and runs the callee in a child span", async () => {
    const client = createInProcessClient("order-service", "monolith", modules);
    const caller = { traceId: newTraceId(), spanId: newSpanId() };

    const { body } = await runInTrace(caller, () => client.call<{ trace: { traceId: string; spanId: string } }>("product-service", "POST", "/reservations", { body: { items: [] } }));

    expect(httpEvents()).toEqual([
      expect.objectContaining({ type: "http", stack: "monolith", from: "order-service", to: "product-service", method: "POST", path: "/reservations", status: 201, via: "in-process", traceId: caller.traceId, parentSpanId: caller.spanId }),
    ]);
    const [event] = httpEvents();
    expect(body.trace).toEqual({ traceId: caller.traceId, spanId: event.spanId, parentSpanId: caller.spanId });
  });

  it("fails with the callee's injected errors fault, and only the callee's", async () => {
    const client = createInProcessClient("api-gateway", "monolith", modules);
    setFaults([fault("product-service", "errors", { rate: 1 })], "monolith");

    const got = await client.call<{ error: string }>("product-service", "GET", "/products/p-mouse");
    expect(got.status).toBe(500);
    expect(got.body.error).toMatch(/product-service failed \(an injected errors fault/);
    expect(received).toHaveLength(0);
    expect(httpEvents()[0]).toMatchObject({ status: 500, error: got.body.error, via: "in-process" });
    expect((await client.call("user-service", "GET", "/users/u-1")).status).toBe(200);
  });

  it("waits out the callee's injected latency before its handler runs", async () => {
    vi.useFakeTimers();
    const client = createInProcessClient("api-gateway", "monolith", modules);
    setFaults([fault("product-service", "latency", { ms: 300 })], "monolith");

    const call = client.call("product-service", "GET", "/products/p-mouse");
    await vi.advanceTimersByTimeAsync(299);
    expect(received).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call).status).toBe(200);
    expect(received).toHaveLength(1);
  });
});
