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
import { packRecording, readRecording, RecordingRefused, writeRecording } from "./recording-file";
import { RunHistory } from "./run-history";
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
  it("makes one span per served call and per finished job, with parents, times in nanoseconds and failures marked", () => {
    const trace = "0af7651916cd43dd8448eb211c80319c";
    const events: NumberedEvent[] = [
      { type: "http", seq: 1, ts: T0 + 12, stack: "microservices", from: "client", to: "api-gateway", method: "POST", path: "/api/orders", status: 202, durationMs: 12, traceId: trace, spanId: "b7ad6b7169203331" },
      { type: "http", seq: 2, ts: T0 + 10, stack: "microservices", from: "api-gateway", to: "order-service", method: "POST", path: "/orders", status: 503, durationMs: 5, traceId: trace, spanId: "00f067aa0ba902b7", parentSpanId: "b7ad6b7169203331" },
      { type: "queue", seq: 3, ts: T0 + 40, stack: "microservices", queue: "payment-inbox", job: "OrderCreated", jobId: "j1", state: "completed", attempt: 1, service: "payment-service", traceId: trace, spanId: "1111111111111111", durationMs: 8 },
      { type: "queue", seq: 4, ts: T0 + 30, stack: "microservices", queue: "payment-inbox", job: "OrderCreated", jobId: "j1", state: "active", attempt: 1, service: "payment-service", traceId: trace },
    ];
    const { resourceSpans } = toOtlp(events) as { resourceSpans: Array<{ resource: { attributes: Array<{ value: { stringValue: string } }> }; scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }> };
    const spansOf = (service: string) => resourceSpans.find((resource) => resource.resource.attributes[0].value.stringValue === service)!.scopeSpans[0].spans;
    expect(resourceSpans).toHaveLength(3);
    expect(spansOf("api-gateway")[0]).toMatchObject({ traceId: trace, name: "POST /api/orders", kind: 2, startTimeUnixNano: `${T0}000000`, endTimeUnixNano: `${T0 + 12}000000`, status: { code: 1 } });
    expect(spansOf("order-service")[0]).toMatchObject({ parentSpanId: "b7ad6b7169203331", status: { code: 2 } });
    expect(spansOf("payment-service")).toHaveLength(1);
    expect(spansOf("payment-service")[0]).toMatchObject({ kind: 5, name: "OrderCreated from payment-inbox" });
  });

  it("makes each database statement a client span under its call, with the database attributes, a failed one marked", () => {
    const trace = "0af7651916cd43dd8448eb211c80319c";
    const events: NumberedEvent[] = [
      { type: "db", seq: 1, ts: T0 + 3, stack: "microservices", service: "order-service", kind: "INSERT", table: "outbox", durationMs: 1, traceId: trace, spanId: "2222222222222222", parentSpanId: "00f067aa0ba902b7" },
      { type: "db", seq: 2, ts: T0 + 4, stack: "microservices", service: "order-service", kind: "COMMIT", table: "", durationMs: 0.5, traceId: trace, spanId: "3333333333333333", parentSpanId: "00f067aa0ba902b7", error: "database is locked" },
    ];
    const { resourceSpans } = toOtlp(events) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }> };
    const [insert, commit] = resourceSpans[0].scopeSpans[0].spans;
    expect(insert).toMatchObject({ name: "INSERT outbox", kind: 3, parentSpanId: "00f067aa0ba902b7", startTimeUnixNano: `${T0 + 2}000000`, status: { code: 1 } });
    expect(insert.attributes).toEqual([
      { key: "db.system.name", value: { stringValue: "sqlite" } },
      { key: "db.operation.name", value: { stringValue: "INSERT" } },
      { key: "db.collection.name", value: { stringValue: "outbox" } },
    ]);
    expect(commit).toMatchObject({ name: "COMMIT", status: { code: 2, message: "database is locked" } });
  });
});
