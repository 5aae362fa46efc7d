// Rewind in the browser: a saved run read back through the browser's gzip, the view at a moment (the node down
// after the kill, up after the start, the stream cut at that moment), stepping and playing, and a foreign file refused.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { NumberedEvent } from "../contract/events";
import { service, state } from "../lessons/testing/check-fixtures";
import { writeRecording } from "../sandbox/recording/recording-file";
import { eventBeside, perRecording, playedTo, stateChanges, reach, readSavedRun, RecordingRefused, viewAt } from "./rewind";

const T0 = 1_800_000_000_000;
const move = (seq: number, ts: number, from: string, to: string): NumberedEvent => ({ type: "lifecycle", seq, ts, stack: "microservices", service: "payment-service", instanceId: "payment-service-1", from, to, pid: to === "crashed" ? null : 200 + seq, version: 1, reason: "test" }) as NumberedEvent;
const log = (seq: number, ts: number): NumberedEvent => ({ type: "log", seq, ts, stack: "microservices", service: "order-service", instanceId: "order-service-1", level: "info", line: `line ${seq}` });

const events = [log(1, T0 + 500), move(2, T0 + 1_000, "healthy", "crashed"), log(3, T0 + 2_000), move(4, T0 + 3_000, "crashed", "starting"), move(5, T0 + 3_500, "starting", "healthy")];
const file = writeRecording({ snapshots: [{ kind: "snapshot", at: T0, state: state([service("payment-service"), service("order-service")]) }], events }, T0, T0 + 4_000, T0 + 4_000);

describe("rewind", () => {
  it("reads a saved run through the browser's own gzip", async () => {
    const run = await readSavedRun(new Blob([new Uint8Array(file)]));
    expect(run.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(reach(run)).toEqual({ from: T0, to: T0 + 4_000 });
  });

  it("rebuilds the view at a moment: the service down after its kill with the stream up to then, healthy again after", async () => {
    const run = await readSavedRun(new Blob([new Uint8Array(file)]));
    const afterKill = viewAt(run, T0 + 2_500)!;
    expect(afterKill.sandbox?.services.find((view) => view.id === "payment-service")?.status).toBe("crashed");
    expect(afterKill.events.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(afterKill.connection).toBe("disconnected");
    const afterStart = viewAt(run, T0 + 4_000)!;
    expect(afterStart.sandbox?.services.find((view) => view.id === "payment-service")).toMatchObject({ status: "healthy", pid: 205 });
    expect(viewAt(run, T0 - 1)).toBeNull();
  });

  it("steps one event at a time, over the log lines, both ways, and stops at either end", async () => {
    const run = await readSavedRun(new Blob([new Uint8Array(file)]));
    expect(eventBeside(run, T0, "next")).toBe(T0 + 1_000);
    expect(eventBeside(run, T0 + 1_000, "next")).toBe(T0 + 3_000);
    expect(eventBeside(run, T0 + 3_000, "previous")).toBe(T0 + 1_000);
    expect(eventBeside(run, T0 + 1_000, "previous")).toBeNull();
    expect(eventBeside(run, T0 + 3_500, "next")).toBeNull();
  });

  it("steps to a change of a queue's depth too, as it is read from the snapshots", async () => {
    const run = await readSavedRun(new Blob([new Uint8Array(file)]));
    const queue = (waiting: number) => ({ name: "payment-inbox", waiting, active: 0, completed: 0, failed: 0, delayed: 0 });
    const base = run.snapshots[0];
    run.snapshots.push({ kind: "snapshot", at: T0 + 1_200, state: { ...base.state, queues: [queue(0)] } as never }, { kind: "snapshot", at: T0 + 1_700, state: { ...base.state, queues: [queue(3)] } as never }, { kind: "snapshot", at: T0 + 1_800, state: { ...base.state, queues: [queue(3)] } as never });
    const changes = stateChanges(run);
    expect(changes).toEqual([T0 + 1_200, T0 + 1_700]);
    expect(eventBeside(run, T0 + 1_200, "next", changes)).toBe(T0 + 1_700);
    expect(eventBeside(run, T0 + 1_700, "next", changes)).toBe(T0 + 2_000 + 1_000);
    expect(eventBeside(run, T0 + 3_000, "previous", changes)).toBe(T0 + 1_700);
  });

  it("plays at a quarter of real time, and stops at the end", () => {
    expect(playedTo(T0, 1_000, 0.25, T0 + 4_000)).toBe(T0 + 250);
    expect(playedTo(T0, 1_000, 4, T0 + 2_000)).toBe(T0 + 2_000);
  });

  it("refuses a file that is not gzip, or a gzip that is not a run, in words", async () => {
    await expect(readSavedRun(new Blob(["hello"]))).rejects.toThrow(new RecordingRefused("this is not a saved run: it is not a gzip file, or it was cut short"));
    await expect(readSavedRun(new Blob([new Uint8Array(gzipSync('{"hello":1}\n'))]))).rejects.toThrow("this is not a saved run of Architecture Sandbox: its first line does not say so");
    await expect(readSavedRun(new Blob([new Uint8Array(file.subarray(0, file.length - 30))]))).rejects.toBeInstanceOf(RecordingRefused);
  });

  it("stops unpacking a file at the limit and refuses it in words, however small it is packed", async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(readSavedRun(new Blob([new Uint8Array(bomb)]), 1024 * 1024)).rejects.toThrow(/unpacks to more than a saved run can hold/);
    // The same file under a limit it fits is only refused for what it holds.
    await expect(readSavedRun(new Blob([new Uint8Array(bomb)]), 16 * 1024 * 1024)).rejects.toThrow(/line 1 is not JSON/);
  });
});

describe("perRecording", () => {
  it("reads a recording once while it stays the same, and again once it has grown", async () => {
    const run = await readSavedRun(new Blob([new Uint8Array(file)]));
    let reads = 0;
    const count = perRecording((recording) => (reads++, recording.events.length));
    expect([count(run), count(run)]).toEqual([5, 5]);
    expect(reads).toBe(1);
    run.events.push(log(6, T0 + 3_900));
    expect(count(run)).toBe(6);
    expect(reads).toBe(2);
  });
});
