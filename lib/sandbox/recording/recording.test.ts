// The recorded past: bounded, rebuilt at any moment to what was live then, saved as a file and read back, and a
// damaged or foreign file refused with a sentence.
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SandboxState } from "../../contract/control";
import type { NumberedEvent } from "../../contract/events";
import { RECORDING_FORMAT } from "../../contract/recording";
import { DEFAULT_RESILIENCE } from "../../contract/resilience";
import { Supervisor, type ServiceDefinition } from "../processes/supervisor";
import { FakeDriver } from "../processes/testing/fake-driver";
import { toOtlp } from "./otlp";
import { OtlpExportSchema, SPAN_KIND } from "../../contract/otlp";
import { packRecording, readRecording, RecordingRefused, writeRecording } from "./recording-file";
import { CHANGE_SNAPSHOT_MS, keepsChangeAtOnce, RunHistory } from "./run-history";
import { stateAt } from "../../recording/state-at";

const T0 = 1_800_000_000_000;

const log = (seq: number, ts: number): NumberedEvent => ({ type: "log", seq, ts, stack: "microservices", service: "payment-service", instanceId: "payment-service-1", level: "info", line: `line ${seq}` });
const state = (services: SandboxState["services"] = []): SandboxState => ({ architecture: "microservices", stacks: [], services, queues: [], droppedEvents: 0, faults: [], resilience: DEFAULT_RESILIENCE, transition: null });

describe("RunHistory", () => {
  it("keeps no more than its window of time, nor more than its count of events", () => {
    const history = new RunHistory({ windowMs: 10_000, maxEvents: 50 });
    for (let second = 0; second <= 30; second++) {
      history.recordState(state(), T0 + second * 1_000);
      history.recordEvents(Array.from({ length: 10 }, (_, index) => log(second * 10 + index, T0 + second * 1_000 + index)), T0 + second * 1_000 + 10);
    }
    expect(history.eventCount).toBeLessThanOrEqual(50);
    expect(history.snapshotCount).toBeLessThanOrEqual(12);
    expect(history.earliest!).toBeGreaterThanOrEqual(T0 + 20_000 - 1_000);
  });

  it("holds in memory little more than its bound of events, however long it runs", () => {
    const history = new RunHistory({ windowMs: 600_000, maxEvents: 40_000 });
    history.recordState(state(), T0);
    let held = 0;
    for (let batch = 0; batch < 400; batch++) {
      history.recordEvents(Array.from({ length: 500 }, (_, index) => log(batch * 500 + index, T0 + batch * 500 + index)), T0 + batch * 500 + 500);
      held = Math.max(held, (history as unknown as { events: unknown[] }).events.length);
    }
    expect(history.eventCount).toBe(40_000);
    expect(held).toBeLessThanOrEqual(40_000 + 40_000 / 8 + 500);
  });

  it("gives for a window the snapshot at or before its start and every event after that snapshot", () => {
    const history = new RunHistory({ windowMs: 60_000, maxEvents: 1_000 });
    history.recordState(state(), T0);
    history.recordEvents([log(1, T0 + 100), log(2, T0 + 4_000)], T0 + 4_000);
    history.recordState(state(), T0 + 5_000);
    history.recordEvents([log(3, T0 + 6_000), log(4, T0 + 9_000)], T0 + 9_000);
    const window = history.window(T0 + 3_000, T0 + 7_000);
    expect(window.snapshots.map((snapshot) => snapshot.at)).toEqual([T0, T0 + 5_000]);
    expect(window.events.map((event) => event.seq)).toEqual([1, 2, 3]);
  });
});

describe("a saved run", () => {
  const history = new RunHistory({ windowMs: 60_000, maxEvents: 1_000 });
  history.recordState(state(), T0);
  history.recordEvents([log(1, T0 + 10), log(2, T0 + 20)], T0 + 20);
  history.recordState(state(), T0 + 5_000);
  const file = writeRecording(history.window(T0, T0 + 6_000), T0, T0 + 6_000, T0 + 7_000);

  it("reads back what was written: header first, snapshots and events in order", () => {
    const recording = readRecording(file);
    expect(recording.header).toEqual({ kind: "header", format: RECORDING_FORMAT, version: 1, from: T0, to: T0 + 6_000, savedAt: T0 + 7_000 });
    expect(recording.snapshots.map((snapshot) => snapshot.at)).toEqual([T0, T0 + 5_000]);
    expect(recording.events.map((event) => event.seq)).toEqual([1, 2]);
  });

  it("packs the same file a few thousand lines at a time, the event loop turning in between", async () => {
    const big = new RunHistory({ windowMs: 60_000, maxEvents: 20_000 });
    big.recordState(state(), T0);
    big.recordEvents(Array.from({ length: 12_000 }, (_, index) => log(index + 1, T0 + 1 + index)), T0 + 12_001);
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    const packed = await packRecording(big.window(T0, T0 + 12_001), T0, T0 + 12_001, T0 + 12_002);
    clearInterval(counting);
    expect(gunzipSync(packed).toString()).toBe(gunzipSync(writeRecording(big.window(T0, T0 + 12_001), T0, T0 + 12_001, T0 + 12_002)).toString());
    expect(readRecording(packed).events).toHaveLength(12_000);
    expect(turns).toBeGreaterThan(0);
  });

  it("refuses a file that is not a run, of an unknown version, truncated or damaged, each with its own sentence", () => {
    const lines = (text: string) => gzipSync(Buffer.from(text));
    const refusal = (bytes: Buffer) => {
      try {
        readRecording(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(RecordingRefused);
        return (error as Error).message;
      }
      throw new Error("the file was accepted");
    };
    expect(refusal(Buffer.from("hello, not gzip"))).toMatch(/not a gzip file/);
    expect(refusal(file.subarray(0, file.length - 12))).toMatch(/not a gzip file, or it was cut short/);
    expect(refusal(lines('{"kind":"header","format":"something-else","version":1,"from":0,"to":0,"savedAt":0}\n'))).toMatch(/not a saved run of Architecture Sandbox/);
    expect(refusal(lines(`{"kind":"header","format":"${RECORDING_FORMAT}","version":9,"from":0,"to":0,"savedAt":0}\n`))).toBe("this saved run is of version 9; this app reads version 1");
    const whole = readRecording(file);
    const header = JSON.stringify(whole.header);
    expect(refusal(lines(`${header}\n${JSON.stringify(whole.snapshots[0])}\n`))).toBe("this saved run was cut short: its last record is missing");
    expect(refusal(lines(`${header}\n{"kind":"end","snapshots":3,"events":0}\n`))).toBe("this saved run is damaged: it holds fewer records than it says");
    expect(refusal(lines(`${header}\n{not json\n`))).toBe("this saved run is damaged: line 2 is not JSON");
    expect(refusal(lines(`${header}\n{"kind":"event","event":{"type":"nonsense"}}\n`))).toMatch(/line 2 is not a snapshot, an event or the end/);
  });
});

describe("stateAt", () => {
  let driver: FakeDriver;
  let supervisor: Supervisor;
  const events: NumberedEvent[] = [];
  const live: Array<{ at: number; services: SandboxState["services"] }> = [];
  const definition: ServiceDefinition = {
    id: "payment-service",
    kind: "service",
    launch: (version) => ({ command: "payment-service", args: [String(version)], env: {}, readiness: { kind: "ipc" }, health: async () => true, startTimeoutMs: 2_000 }),
  };
  const settle = async (work: Promise<unknown>) => {
    let done = false;
    void work.finally(() => (done = true));
    while (!done) await vi.advanceTimersByTimeAsync(50);
    await work;
  };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"], now: T0 });
    driver = new FakeDriver();
    events.length = 0;
    live.length = 0;
    let seq = 0;
    supervisor = new Supervisor("microservices", [definition], { sink: { emit: (emitted) => { for (const event of emitted) if (event.type === "lifecycle") events.push({ ...event, seq: ++seq }); } }, changed: () => {}, greetings: () => [], launchEnv: () => ({}) }, driver);
  });

  afterEach(async () => {
    await settle(supervisor.dispose());
    vi.useRealTimers();
  });

  it("rebuilds each service's status, pid and version at a moment as they were live then", async () => {
    // A moment between actions: the next one starts a millisecond later, as nothing happens twice in the same ms.
    const look = async () => {
      live.push({ at: Date.now(), services: structuredClone(supervisor.views()) });
      await vi.advanceTimersByTimeAsync(1);
    };
    await settle(supervisor.startAll());
    const snapshot = { kind: "snapshot" as const, at: Date.now(), state: state(structuredClone(supervisor.views())) };
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(supervisor.kill("payment-service"));
    await vi.advanceTimersByTimeAsync(1_000);
    await look();
    await settle(supervisor.start("payment-service"));
    await vi.advanceTimersByTimeAsync(1_000);
    await look();
    await settle(supervisor.redeploy("payment-service", "recreate"));
    await vi.advanceTimersByTimeAsync(1_000);
    await look();
    expect(live.map(({ services }) => services[0].status)).toEqual(["stopped", "healthy", "healthy"]);
    for (const moment of live) {
      const rebuilt = stateAt([snapshot], events, moment.at)!;
      const [was, now] = [moment.services[0], rebuilt.services[0]];
      expect({ status: now.status, pid: now.pid, version: now.version }).toEqual({ status: was.status, pid: was.pid, version: was.version });
    }
    expect(stateAt([snapshot], events, snapshot.at - 1)).toBeNull();
  });

  it("gives a state read in the same millisecond as a move it came before that move too, by the events' numbers", async () => {
    await settle(supervisor.startAll());
    await vi.advanceTimersByTimeAsync(1_000);
    // SIGKILL sent: the instance is stopping, and its exit is still to come, within the same millisecond.
    const killing = supervisor.kill("payment-service");
    const stopping = { kind: "snapshot" as const, at: Date.now(), seq: events.at(-1)!.seq, state: state(structuredClone(supervisor.views())) };
    expect(stopping.state.services[0].status).toBe("stopping");
    await killing;
    const stopped = events.at(-1)!;
    expect({ to: stopped.type === "lifecycle" && stopped.to, ts: stopped.ts }).toEqual({ to: "stopped", ts: stopping.at });
    expect(stateAt([stopping], events, stopped.ts)!.services[0].status).toBe("stopped");
    // A snapshot saved without its number (an older file) is read by its time, as before.
    expect(stateAt([{ ...stopping, seq: undefined }], events, stopped.ts)!.services[0].status).toBe("stopping");
  });
});

describe("toOtlp", () => {
  const trace = "0af7651916cd43dd8448eb211c80319c";
  const id = (n: number) => n.toString(16).padStart(16, "0");
  // An order as the services report it: the gateway's own span for the shopper's call, each call between services by
  // its caller (naming the caller's span as parent), order-service's publish (naming the span it served the call in,
  // which nobody reported), payment-service's job (naming the publish), and its own publish from inside the job.
  const order: NumberedEvent[] = [
    { type: "http", seq: 1, ts: T0 + 40, stack: "microservices", from: "client", to: "api-gateway", method: "POST", path: "/api/orders", status: 202, durationMs: 40, traceId: trace, spanId: id(1) },
    { type: "http", seq: 2, ts: T0 + 15, stack: "microservices", from: "order-service", to: "product-service", method: "POST", path: "/reservations", status: 200, durationMs: 5, traceId: trace, spanId: id(3), parentSpanId: id(99) },
    { type: "queue", seq: 3, ts: T0 + 20, stack: "microservices", queue: "payment-inbox", job: "OrderCreated", jobId: "j1", state: "added", attempt: 0, service: "order-service", traceId: trace, spanId: id(4), parentSpanId: id(99) },
    { type: "http", seq: 4, ts: T0 + 30, stack: "microservices", from: "api-gateway", to: "order-service", method: "POST", path: "/orders", status: 202, durationMs: 25, traceId: trace, spanId: id(2), parentSpanId: id(1) },
    { type: "queue", seq: 5, ts: T0 + 50, stack: "microservices", queue: "payment-inbox", job: "OrderCreated", jobId: "j1", state: "active", attempt: 1, service: "payment-service", traceId: trace, spanId: id(5), parentSpanId: id(4) },
    { type: "queue", seq: 6, ts: T0 + 55, stack: "microservices", queue: "order-inbox", job: "PaymentSucceeded", jobId: "j2", state: "added", attempt: 0, service: "payment-service", traceId: trace, spanId: id(6), parentSpanId: id(5) },
    { type: "queue", seq: 7, ts: T0 + 55, stack: "microservices", queue: "product-inbox", job: "PaymentSucceeded", jobId: "j2", state: "added", attempt: 0, service: "payment-service", traceId: trace, spanId: id(6), parentSpanId: id(5) },
    { type: "queue", seq: 8, ts: T0 + 58, stack: "microservices", queue: "payment-inbox", job: "OrderCreated", jobId: "j1", state: "completed", attempt: 1, service: "payment-service", traceId: trace, spanId: id(5), parentSpanId: id(4), durationMs: 8 },
    // An older recording's consumer names no parent: its publish is found by the job.
    { type: "queue", seq: 9, ts: T0 + 70, stack: "microservices", queue: "order-inbox", job: "PaymentSucceeded", jobId: "j2", state: "completed", attempt: 1, service: "order-service", traceId: trace, spanId: id(7), durationMs: 3 },
  ];
  const spans = () => OtlpExportSchema.parse(toOtlp(order)).resourceSpans.flatMap((resource) => resource.scopeSpans[0].spans.map((span) => ({ ...span, service: (resource.resource.attributes[0].value as { stringValue: string }).stringValue })));

  it("makes the order one tree: one root, every parent present", () => {
    const all = spans();
    const ids = new Set(all.map((span) => span.spanId));
    expect(all.filter((span) => span.parentSpanId === undefined).map((span) => span.name)).toEqual(["POST /api/orders"]);
    expect(all.filter((span) => span.parentSpanId !== undefined && !ids.has(span.parentSpanId))).toEqual([]);
    expect(ids.size).toBe(all.length);
  });

  it("pairs each call between services as a client span in the caller and a server span in the callee", () => {
    const all = spans();
    const client = all.find((span) => span.name === "POST /orders" && span.kind === SPAN_KIND.client)!;
    expect(client).toMatchObject({ service: "api-gateway", parentSpanId: id(1), startTimeUnixNano: `${T0 + 5}000000`, endTimeUnixNano: `${T0 + 30}000000` });
    const server = all.find((span) => span.name === "POST /orders" && span.kind === SPAN_KIND.server)!;
    // The callee's span is the one its own call and publish named as their parent.
    expect(server).toMatchObject({ service: "order-service", spanId: id(99), parentSpanId: id(2) });
    expect(all.find((span) => span.name === "POST /reservations" && span.kind === SPAN_KIND.client)).toMatchObject({ service: "order-service", parentSpanId: id(99) });
    expect(all.find((span) => span.name === "POST /reservations" && span.kind === SPAN_KIND.server)).toMatchObject({ service: "product-service", parentSpanId: id(3) });
  });

  it("puts each job's attempt under the publish that caused it, linked to it, and a publish to two inboxes once", () => {
    const all = spans();
    const publish = all.filter((span) => span.kind === SPAN_KIND.producer);
    expect(publish.map((span) => [span.name, span.service, span.parentSpanId]).sort()).toEqual([
      ["OrderCreated publish", "order-service", id(99)],
      ["PaymentSucceeded publish", "payment-service", id(5)],
    ]);
    const consumers = all.filter((span) => span.kind === SPAN_KIND.consumer);
    expect(consumers.map((span) => [span.name, span.parentSpanId, span.links?.[0]?.spanId]).sort()).toEqual([
      ["OrderCreated from payment-inbox", id(4), id(4)],
      ["PaymentSucceeded from order-inbox", id(6), id(6)],
    ]);
  });

  it("marks failures, and a parent outside the window as unrecorded rather than naming a span that is not there", () => {
    const failed: NumberedEvent = { type: "http", seq: 1, ts: T0 + 10, stack: "microservices", from: "api-gateway", to: "order-service", method: "POST", path: "/orders", status: 503, durationMs: 5, traceId: trace, spanId: id(20), parentSpanId: id(21) };
    const [resource] = OtlpExportSchema.parse(toOtlp([failed])).resourceSpans;
    const [span] = resource.scopeSpans[0].spans;
    expect(span).toMatchObject({ kind: SPAN_KIND.client, status: { code: 2 } });
    expect(span.parentSpanId).toBeUndefined();
    expect(span.attributes).toContainEqual({ key: "sandbox.parent.unrecorded", value: { stringValue: id(21) } });
  });

  it("makes each database statement a client span where it ran: in the callee's server span, in a job's consumer span", () => {
    // order-service's statements while serving POST /orders are reported under the caller's span of that call (id 2);
    // payment-service's while running its job, under the job's span (id 5). One failed.
    const statements: NumberedEvent[] = [
      { type: "db", seq: 10, ts: T0 + 18, stack: "microservices", service: "order-service", kind: "INSERT", table: "outbox", durationMs: 1, traceId: trace, spanId: id(30), parentSpanId: id(2) },
      { type: "db", seq: 11, ts: T0 + 53, stack: "microservices", service: "payment-service", kind: "COMMIT", table: "", durationMs: 0.5, traceId: trace, spanId: id(31), parentSpanId: id(5), error: "database is locked" },
    ];
    const all = OtlpExportSchema.parse(toOtlp([...order, ...statements])).resourceSpans.flatMap((resource) => resource.scopeSpans[0].spans.map((span) => ({ ...span, service: (resource.resource.attributes[0].value as { stringValue: string }).stringValue })));
    const insert = all.find((span) => span.spanId === id(30))!;
    expect(insert).toMatchObject({ service: "order-service", name: "INSERT outbox", kind: SPAN_KIND.client, parentSpanId: id(99), startTimeUnixNano: `${T0 + 17}000000`, status: { code: 1 } });
    expect(insert.attributes).toEqual([
      { key: "db.system.name", value: { stringValue: "sqlite" } },
      { key: "db.operation.name", value: { stringValue: "INSERT" } },
      { key: "db.collection.name", value: { stringValue: "outbox" } },
    ]);
    expect(all.find((span) => span.spanId === id(31))).toMatchObject({ service: "payment-service", name: "COMMIT", parentSpanId: id(5), status: { code: 2, message: "database is locked" } });
    // Still one tree.
    const ids = new Set(all.map((span) => span.spanId));
    expect(all.filter((span) => span.parentSpanId !== undefined && !ids.has(span.parentSpanId))).toEqual([]);
  });
});

describe("when a changed state is kept", () => {
  it("keeps an architecture switch at once, and other changes at most once a second", () => {
    expect(keepsChangeAtOnce(200, true)).toBe(true);
    expect(keepsChangeAtOnce(200, false)).toBe(false);
    expect(keepsChangeAtOnce(CHANGE_SNAPSHOT_MS, false)).toBe(true);
  });
});
