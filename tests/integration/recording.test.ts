// The recorded past of a real sandbox: a saved run holds what happened (an order's calls, a kill), any moment of it
// is rebuilt to what was live then, its traces open as OTLP, and a bad request for it changes nothing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OtlpExportSchema, SPAN_KIND } from "../../lib/contract/otlp";
import { traceSpans } from "../../lib/client/stores/trace-store";
import type { SandboxState } from "../../lib/contract/control";
import { readRecording } from "../../lib/sandbox/recording/recording-file";
import { stateAt } from "../../lib/recording/state-at";
import { startApp, type RunningApp } from "./support/app";
import { requestJson } from "./support/http";
import { Storefront } from "./support/storefront";
import { waitFor } from "./support/wait";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

describe("the recorded run", () => {
  it("saves an order's calls and a kill, and rebuilds the moment after the kill as it was", async () => {
    // Through the app's storefront proxy, as the Shop tab goes.
    const shop = new Storefront(`${app.origin}/storefront/microservices`);
    const customer = await shop.newCustomer();
    const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
    expect(placed.status).toBe(202);
    const before = await app.state();
    const killedPid = before.services.find((service) => service.id === "payment-service")!.pid;
    const killedAt = Date.now();
    expect((await requestJson(`${app.origin}/api/services/payment-service/kill`, { method: "POST" })).status).toBe(200);
    const afterKill = Date.now();

    const response = await waitFor("the kill to be in the recording", async () => {
      const answer = await fetch(`${app.origin}/api/recording`);
      const bytes = Buffer.from(await answer.arrayBuffer());
      const recording = readRecording(bytes);
      return recording.events.some((event) => event.type === "lifecycle" && event.service === "payment-service" && event.to === "stopped") ? { answer, recording } : undefined;
    }, { timeoutMs: 10_000, intervalMs: 200 });
    expect(response.answer.headers.get("content-type")).toBe("application/gzip");
    expect(response.answer.headers.get("content-disposition")).toMatch(/^attachment; filename="sandbox-run-.*\.jsonl\.gz"$/);
    const { recording } = response;
    expect(recording.header.version).toBe(1);
    expect(recording.snapshots.length).toBeGreaterThanOrEqual(1);
    expect(recording.events.some((event) => event.type === "http" && event.from === "client" && event.path === "/api/orders" && event.status === 202)).toBe(true);

    const during = stateAt(recording.snapshots, recording.events, afterKill)!;
    const payment = during.services.find((service) => service.id === "payment-service")!;
    expect(payment.status).toBe("stopped");
    expect(payment.pid).toBeNull();
    const earlier = stateAt(recording.snapshots, recording.events, killedAt - 1);
    if (earlier) expect(earlier.services.find((service) => service.id === "payment-service")).toMatchObject({ status: "healthy", pid: killedPid });
    expect((await requestJson(`${app.origin}/api/services/payment-service/start`, { method: "POST" })).status).toBe(200);

    // Each snapshot is numbered with the last event given out as its state was read, so the one before it and the
    // lifecycle moves between them (by number, whatever their millisecond) rebuild every status it holds.
    for (const [index, snapshot] of recording.snapshots.entries()) {
      expect(snapshot.seq).toBeTypeOf("number");
      if (index === 0) continue;
      const rebuilt = stateAt(recording.snapshots.slice(0, index), recording.events.filter((event) => event.seq <= snapshot.seq!), snapshot.at)!;
      const statuses = (state: SandboxState) => state.services.map((service) => `${service.id} ${service.status}`);
      expect(statuses(rebuilt), `snapshot ${index} at ${snapshot.at}`).toEqual(statuses(snapshot.state));
    }
  });

  it("gives the run's traces as OTLP/JSON, the order's call among them", async () => {
    // The order's payment job ran once payment-service was back: wait for its span too.
    const names = await waitFor("the payment job's span", async () => {
      const { status, body } = await requestJson<{ resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ name: string; traceId: string }> }> }> }>(`${app.origin}/api/recording/otlp?seconds=600`);
      expect(status).toBe(200);
      const found = body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans.map((span) => span.name)));
      return found.includes("OrderCreated from payment-inbox") ? found : undefined;
    }, { timeoutMs: 20_000, intervalMs: 250 });
    expect(names).toContain("POST /api/orders");
  });

  it("exports an order's trace as the one tree the app draws: paired client and server spans, consumers under their publish", async () => {
    const shop = new Storefront(`${app.origin}/storefront/microservices`);
    const customer = await shop.newCustomer();
    // The shopper's own span, sent as a traceparent: the export pairs it, as a client span, with the gateway's.
    const traceId = randomBytes(16).toString("hex");
    const shopperSpan = randomBytes(8).toString("hex");
    const placed = await requestJson<{ order: { id: string } }>(`${app.origin}/storefront/microservices/api/orders`, {
      method: "POST",
      token: customer.token,
      headers: { traceparent: `00-${traceId}-${shopperSpan}-01` },
      body: { items: [{ productId: "p-mouse", quantity: 1 }] },
    });
    expect(placed.status).toBe(202);
    // OrderCreated to payment; its outcome to order, product and notification; InventoryUpdated and EmailSent to order.
    const spans = await waitFor("the order's six jobs in the export", async () => {
      const { body } = await requestJson(`${app.origin}/api/recording/otlp?seconds=120`);
      const found = OtlpExportSchema.parse(body).resourceSpans.flatMap((resource) =>
        resource.scopeSpans.flatMap((scope) => scope.spans.filter((span) => span.traceId === traceId).map((span) => ({ ...span, service: (resource.resource.attributes[0].value as { stringValue: string }).stringValue }))),
      );
      return found.filter((span) => span.kind === SPAN_KIND.consumer && span.status.code === 1).length >= 6 ? found : undefined;
    }, { timeoutMs: 30_000, intervalMs: 300 });
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    expect(byId.size).toBe(spans.length);
    const attribute = (span: (typeof spans)[number], key: string) => (span.attributes.find((candidate) => candidate.key === key)?.value as { stringValue?: string } | undefined)?.stringValue;

    // One root, the shopper's client span; every parent named is in the export.
    expect(spans.filter((span) => span.parentSpanId === undefined).map((span) => [span.kind, span.spanId])).toEqual([[SPAN_KIND.client, shopperSpan]]);
    expect(spans.filter((span) => span.parentSpanId !== undefined && !byId.has(span.parentSpanId)).map((span) => span.name)).toEqual([]);
    // Each server span is the child of a client span for the same call, made in the caller; each answered client call has its server span.
    for (const server of spans.filter((span) => span.kind === SPAN_KIND.server)) {
      const client = byId.get(server.parentSpanId!)!;
      expect(client.kind, server.name).toBe(SPAN_KIND.client);
      expect(client.name).toBe(server.name);
    }
    const isStatement = (span: (typeof spans)[number]) => attribute(span, "db.system.name") !== undefined;
    for (const client of spans.filter((span) => span.kind === SPAN_KIND.client && span.spanId !== shopperSpan && !isStatement(span))) {
      expect(spans.filter((span) => span.parentSpanId === client.spanId && span.kind === SPAN_KIND.server).map((span) => span.service), client.name).toEqual([attribute(client, "sandbox.callee")]);
      expect(client.service).toBe(attribute(client, "sandbox.caller"));
    }
    // Each database statement is a client span under the span its own service ran it in: a call it served, a job it worked.
    const statements = spans.filter(isStatement);
    expect(statements.map((span) => span.name)).toContain("INSERT orders");
    for (const statement of statements) {
      const parent = byId.get(statement.parentSpanId!)!;
      expect([SPAN_KIND.server, SPAN_KIND.consumer], statement.name).toContain(parent.kind);
      expect(parent.service, statement.name).toBe(statement.service);
    }
    // Each consumer span is under, and linked to, the producer span of the publish that caused it.
    const consumers = spans.filter((span) => span.kind === SPAN_KIND.consumer);
    for (const consumer of consumers) {
      const producer = byId.get(consumer.parentSpanId!)!;
      expect(producer.kind, consumer.name).toBe(SPAN_KIND.producer);
      expect(consumer.links).toEqual([{ traceId, spanId: producer.spanId }]);
      expect(attribute(producer, "messaging.destination.name")).toContain(attribute(consumer, "messaging.destination.name"));
    }

    // The same tree as the app's waterfall: every call it draws is a span here, and every job it draws worked a consumer span.
    const recording = readRecording(Buffer.from(await (await fetch(`${app.origin}/api/recording?seconds=120`)).arrayBuffer()));
    const drawn = traceSpans(recording.events.filter((event) => (event.type === "http" || event.type === "queue") && event.traceId === traceId));
    const calls = recording.events.filter((event) => event.type === "http" && event.traceId === traceId);
    expect(drawn.filter((span) => span.kind === "http")).toHaveLength(calls.length);
    for (const call of calls) expect(byId.has((call as { spanId: string }).spanId)).toBe(true);
    expect(consumers.length).toBeGreaterThanOrEqual(drawn.filter((span) => span.kind === "queue-work").length);
    expect(drawn.filter((span) => span.kind === "queue-work").length).toBeGreaterThanOrEqual(6);
  });

  it("refuses a malformed window with 400 and a sentence, and changes nothing", async () => {
    const before: SandboxState = await app.state();
    for (const seconds of ["abc", "0", "-5", "99999", "1e3"]) {
      const { status, body } = await requestJson(`${app.origin}/api/recording?seconds=${seconds}`);
      expect(status).toBe(400);
      expect(body.error).toBe("seconds must be a whole number from 1 to 3600");
    }
    expect((await app.state()).services.map((service) => [service.id, service.pid])).toEqual(before.services.map((service) => [service.id, service.pid]));
  });
});
