// Time travel on the live page: going back shows the moment on every store (state, stream, traces), the socket's
// events meanwhile are kept and not shown, and "Live" shows the present with them; a replay of a file has no live.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NumberedEvent } from "../../contract/events";
import { service, state } from "../../lessons/testing/check-fixtures";
import { writeRecording } from "../../sandbox/recording/recording-file";
import { feedEvents, feedSnapshot } from "../feed";
import { readSavedRun } from "../rewind";
import { sandboxStore } from "./sandbox-store";
import { http } from "../testing/test-events";
import { closeReplay, goLive, keepState, leaveLive, MAX_SLOW_LAG_MS, moveTo, openReplay, SLOW_LAG_MS, slowStep, timeStore } from "./time-travel-store";
import { traceStore } from "./trace-store";

const T0 = Date.now() - 60_000;
const move = (seq: number, ts: number, from: string, to: string): NumberedEvent => ({ type: "lifecycle", seq, ts, stack: "microservices", service: "payment-service", instanceId: "payment-service-1", from, to, pid: 300 + seq, version: 1, reason: "test" }) as NumberedEvent;
const events = [move(1, T0 + 1_000, "healthy", "crashed"), http({ traceId: "t-order", from: "client", to: "api-gateway", ts: T0 + 1_500 }, 2), move(3, T0 + 3_000, "crashed", "healthy")];
const file = writeRecording({ snapshots: [{ kind: "snapshot", at: T0, state: state([service("payment-service")]) }], events }, T0, T0 + 3_000, T0 + 3_000);
const status = () => sandboxStore.getState().sandbox?.services.find((view) => view.id === "payment-service")?.status;

afterEach(() => {
  closeReplay();
  vi.unstubAllGlobals();
});

describe("time travel", () => {
  it("shows a past moment on every store, keeps the live events while away, and shows them again on Live", async () => {
    feedSnapshot({ state: state([service("payment-service")]), recentEvents: events });
    vi.stubGlobal("fetch", async () => new Response(new Uint8Array(file)));
    await leaveLive();
    // At the end: the file's last moment (the page's own state is not kept: it may be older than the file's).
    expect(timeStore.getState().mode).toBe("past");
    expect(timeStore.getState().at - (T0 + 3_000)).toBeGreaterThanOrEqual(0);
    expect(timeStore.getState().at - (T0 + 3_000)).toBeLessThan(1_000);

    moveTo(T0 + 2_000);
    expect(status()).toBe("crashed");
    expect(sandboxStore.getState().events.map((event) => event.seq)).toEqual([1, 2]);
    expect([...traceStore.getState().index.traces.keys()]).toEqual(["t-order"]);
    // Buttons still act on the present: the page's connection is not the past's.
    expect(sandboxStore.getState().connection).not.toBe("disconnected");

    // The socket goes on while away: its events are kept, not shown.
    feedEvents([http({ traceId: "t-later", from: "client", to: "api-gateway", ts: T0 + 4_000 }, 4)]);
    keepState(state([service("payment-service", "unhealthy")]));
    expect(sandboxStore.getState().events.map((event) => event.seq)).toEqual([1, 2]);
    expect(timeStore.getState().recording?.events.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    // The state kept is numbered with the last event kept before it: the moves after it are applied on top of it.
    expect(timeStore.getState().recording?.snapshots.map((snapshot) => snapshot.seq)).toEqual([undefined, 4]);

    goLive();
    expect(timeStore.getState().mode).toBe("live");
    expect(sandboxStore.getState().events.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    expect(status()).toBe("unhealthy");
    feedEvents([http({ traceId: "t-now", from: "client", to: "api-gateway", ts: T0 + 5_000 }, 5)]);
    expect(sandboxStore.getState().events.at(-1)?.seq).toBe(5);
  });

  it("slow motion starts a few seconds behind the present and plays", async () => {
    const recent = writeRecording({ snapshots: [{ kind: "snapshot", at: Date.now() - 20_000, state: state([service("payment-service")]) }], events: [] }, Date.now() - 20_000, Date.now(), Date.now());
    vi.stubGlobal("fetch", async () => new Response(new Uint8Array(recent)));
    await leaveLive(true);
    const { mode, playing, at } = timeStore.getState();
    expect({ mode, playing }).toEqual({ mode: "slow", playing: true });
    expect(Date.now() - at).toBeGreaterThanOrEqual(2_900);
    // Dragging leaves slow motion for a paused moment.
    moveTo(at - 5_000);
    expect(timeStore.getState()).toMatchObject({ mode: "past", playing: false });
  });

  it("a saved run's replay has no present to go back to", async () => {
    openReplay(await readSavedRun(new Blob([new Uint8Array(file)])));
    moveTo(T0 + 1_200);
    goLive();
    expect(timeStore.getState()).toMatchObject({ mode: "past", replayOnly: true, at: T0 + 1_200 });
    expect(status()).toBe("crashed");
  });

  it("says in words when the past cannot be read, and stays live", async () => {
    vi.stubGlobal("fetch", async () => new Response("nope", { status: 500 }));
    await leaveLive();
    expect(timeStore.getState()).toMatchObject({ mode: "live", message: "the sandbox did not give its recording (500)." });
  });
});

describe("slow motion's step", () => {
  const now = 1_800_000_000_000;
  it("plays on as it got to while something happens soon", () => {
    expect(slowStep(now - 3_200, now - 3_000, now)).toBe(now - 3_200);
  });

  it("skips a quiet stretch to just before the next event, never past it", () => {
    expect(slowStep(now - 4_000, now - 3_100, now)).toBe(now - 3_100 - 200);
    expect(slowStep(now - 4_000, now - 1_000, now)).toBe(now - SLOW_LAG_MS);
  });

  it("keeps near its promised lag when nothing comes, instead of stopping while the lag grows", () => {
    expect(slowStep(now - 4_400, null, now)).toBe(now - SLOW_LAG_MS);
    expect(slowStep(now - 2_000, null, now)).toBe(now - 2_000);
  });

  it("jumps back to its promised lag once busy traffic made it fall too far behind", () => {
    expect(slowStep(now - MAX_SLOW_LAG_MS - 100, now - MAX_SLOW_LAG_MS - 50, now)).toBe(now - SLOW_LAG_MS);
  });
});
