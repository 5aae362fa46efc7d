// The benchmark's way to push telemetry through a service faster than any HTTP load generator can on a small machine,
// to measure the goal of ≥ 10,000 events/s delivered to a socket.io client. Off unless the sandbox was started with
// SANDBOX_BENCH_TELEMETRY="<events per second>:<seconds>"; then each SIGUSR2 sent to the process starts one burst.
// Every event goes through the same emit() as a real call's, so the IPC batches, the server's check, the hub, the
// recording and socket.io all carry it; its path says it is the bench's.
import type { HttpEvent, StackId } from "../../../lib/contract/events";
import { log } from "./log";
import { emit } from "./telemetry";
import { newSpanId, newTraceId } from "./trace";

/** The path the bench's events carry, so a reader of the stream can tell them from a shopper's. */
export const BENCH_TELEMETRY_PATH = "/bench/telemetry";
const MAX_RATE = 50_000;
const MAX_SECONDS = 60;
const TICK_MS = 10;

/** "5000:10" → 5,000 events a second for 10 s; anything else (or nothing) is no drive. */
export function parseDriveSpec(spec: string | undefined): { perSecond: number; seconds: number } | undefined {
  const match = /^(\d+):(\d+)$/.exec(spec?.trim() ?? "");
  if (!match) return undefined;
  const perSecond = Number(match[1]);
  const seconds = Number(match[2]);
  if (perSecond < 1 || perSecond > MAX_RATE || seconds < 1 || seconds > MAX_SECONDS) return undefined;
  return { perSecond, seconds };
}

/** How many events are due `elapsedMs` into a burst: the schedule catches up when a tick comes late, and ends exact. */
export function eventsDue(elapsedMs: number, perSecond: number, seconds: number): number {
  return Math.floor((Math.min(elapsedMs, seconds * 1000) * perSecond) / 1000);
}

export function driveTelemetryOnSignal(serviceId: string, stack: StackId, spec = process.env.SANDBOX_BENCH_TELEMETRY): void {
  const drive = parseDriveSpec(spec);
  if (!drive) return;
  let running = false;
  process.on("SIGUSR2", () => {
    if (running) return;
    running = true;
    const traceId = newTraceId();
    const started = performance.now();
    let sent = 0;
    const timer = setInterval(() => {
      const due = eventsDue(performance.now() - started, drive.perSecond, drive.seconds);
      for (; sent < due; sent++) {
        const event: HttpEvent = { type: "http", ts: Date.now(), stack, from: "bench", to: serviceId, method: "GET", path: BENCH_TELEMETRY_PATH, status: 200, durationMs: 0, traceId, spanId: newSpanId() };
        emit(event);
      }
      if (sent >= drive.perSecond * drive.seconds) {
        clearInterval(timer);
        running = false;
        log.info(`bench telemetry: ${sent} events sent in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    }, TICK_MS);
  });
}
