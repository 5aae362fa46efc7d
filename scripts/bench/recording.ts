// Rewind and saved runs: the recorded history's memory at 200 requests/s, the size of a saved run, and the time Rewind
// takes to show an arbitrary moment in Chromium. By default from a short real run, extrapolated (and said so);
// BENCH_RECORDING_MINUTES=10 runs the traffic for real for that long and measures the same things directly.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { TrafficView } from "../../lib/contract/control";
import { readRecording } from "../../lib/sandbox/recording/recording-file";
import { DEFAULT_HISTORY } from "../../lib/sandbox/recording/run-history";
import { residentBytes, serverPid, type RunningApp } from "./app";
import { control } from "./control";
import { weighHistory } from "./recording-memory";
import { jumpLine, measureJumps } from "./rewind-jump";

const RPS = 200;
/** The history's window and the saved run measured, in minutes. */
const HISTORY_MINUTES = DEFAULT_HISTORY.windowMs / 60_000;
const EXPORT_MINUTES = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const count = (value: number) => Math.round(value).toLocaleString("en-US");

async function download(app: RunningApp, seconds: number): Promise<{ file: Buffer; ms: number }> {
  const started = performance.now();
  const answer = await fetch(`${app.baseUrl}/api/recording?seconds=${seconds}`, { signal: AbortSignal.timeout(120_000) });
  if (!answer.ok) throw new Error(`GET /api/recording answered ${answer.status}`);
  const file = Buffer.from(await answer.arrayBuffer());
  return { file, ms: performance.now() - started };
}

export async function measureRecording(app: RunningApp, minutes = Number(process.env.BENCH_RECORDING_MINUTES ?? 1)): Promise<string[]> {
  const seconds = Math.round(minutes * 60);
  const lines: string[] = [];
  const pid = serverPid(app);
  const rssBefore = residentBytes(pid);
  // The sandbox's own shoppers (browsing, orders and their queue jobs, logins), given a margin so they still run when
  // the window is downloaded: every second of it is under traffic.
  await control(app, "POST", "/api/traffic", { rps: RPS, durationS: seconds + 60, stack: "microservices" });
  await sleep(seconds * 1000);
  // Before the downloads: writing a run allocates its whole text, which the process keeps resident for a while.
  const rssAfter = residentBytes(pid);
  const run = await download(app, seconds);
  const full = minutes >= EXPORT_MINUTES ? await download(app, EXPORT_MINUTES * 60) : null;
  const { traffic } = await control<{ traffic: TrafficView }>(app, "DELETE", "/api/traffic");
  const shoppers = traffic.stacks.find((stack) => stack.stack === "microservices");
  const sentPerS = (shoppers?.sent ?? 0) / ((Date.now() - (traffic.startedAt ?? Date.now())) / 1000);
  lines.push(`traffic: the sandbox's shopper mix at ${RPS} requests/s on the microservices for ${seconds} s (${sentPerS.toFixed(0)}/s sent, ${shoppers?.failed ?? 0} failed, ${shoppers?.skipped ?? 0} skipped)`);

  const recording = readRecording(run.file);
  // Over the span the events cover: a long run is cut by the history's cap.
  const eventSpanS = recording.events.length > 1 ? (recording.events.at(-1)!.ts - recording.events[0].ts) / 1000 : seconds;
  const eventsPerS = recording.events.length / eventSpanS;
  const unpacked = gunzipSync(run.file, { maxOutputLength: 2 ** 31 - 1 }).length;
  lines.push(`events recorded at ${RPS} requests/s: ${count(eventsPerS)}/s (${(eventsPerS / RPS).toFixed(1)} per request; ${count(recording.events.length)} events over ${eventSpanS.toFixed(0)} s, ${recording.snapshots.length} snapshots)`);

  const folder = mkdtempSync(path.join(os.tmpdir(), "bench-recording-"));
  try {
    const file = path.join(folder, "run.jsonl.gz");
    writeFileSync(file, run.file);
    const fullHistory = path.join(folder, "history.jsonl.gz");
    const weights = await weighHistory(file, HISTORY_MINUTES, EXPORT_MINUTES, fullHistory);
    const { capped, uncapped } = weights;
    const realS = (weights.realSpanMs / 1000).toFixed(0);
    const how =
      minutes < HISTORY_MINUTES
        ? `extrapolated: a RunHistory filled with the ${realS} s of real recorded events and snapshots, time-shifted in ${weights.copies} copies to cover ${HISTORY_MINUTES} minutes, weighed on the heap of a node --expose-gc process`
        : `the ${minutes} minutes really recorded, as the server kept them (events of their last ${realS} s), fed into a RunHistory weighed on the heap of a node --expose-gc process${weights.copies > 1 ? `; with no cap, those ${realS} s time-shifted in ${weights.copies} copies` : ""}`;
    const fits = uncapped.eventsKept <= DEFAULT_HISTORY.maxEvents;
    lines.push(`history of ${HISTORY_MINUTES} minutes at ${RPS} requests/s (${how}):`);
    lines.push(
      `  as the server keeps it (cap ${count(DEFAULT_HISTORY.maxEvents)} events): ${count(capped.eventsKept)} events covering ${capped.minutesKept.toFixed(1)} minutes and ${capped.snapshotsKept} snapshots: ${mib(capped.heapBytes)} of heap, for it still holds ${count(capped.eventsHeld)} events (those trimmed stay in its array until an eighth of the cap has gone; up to 1.125× the cap)`,
    );
    lines.push(
      `  per event: ${count(uncapped.heapBytes / Math.max(1, uncapped.eventsHeld))} bytes of heap, snapshots included (${count(uncapped.eventsHeld)} events and ${uncapped.snapshotsKept} snapshots in ${mib(uncapped.heapBytes)} with no cap)`,
    );
    lines.push(
      fits
        ? `  the ${HISTORY_MINUTES}-minute window fits under the cap (${count(uncapped.eventsKept)} events)`
        : `  the ${HISTORY_MINUTES}-minute window does NOT fit under the cap: it is ${count(uncapped.eventsKept)} events; at this rate the cap holds ${(DEFAULT_HISTORY.maxEvents / eventsPerS / 60).toFixed(1)} minutes`,
    );
    lines.push(`  the server's resident memory before → after the traffic: ${mib(rssBefore)} → ${mib(rssAfter)} (everything the server holds; the history is one part)`);

    lines.push(`saved run of the ${seconds} s under traffic (GET /api/recording?seconds=${seconds}, measured): ${mib(run.file.length)} gzip, ${mib(unpacked)} unpacked, served in ${run.ms.toFixed(0)} ms; ${mib((run.file.length * 60) / seconds)} gzip per minute`);
    if (full) {
      const fullUnpacked = gunzipSync(full.file, { maxOutputLength: 2 ** 31 - 1 }).length;
      lines.push(`saved ${EXPORT_MINUTES}-minute run (GET /api/recording?seconds=${EXPORT_MINUTES * 60} after ${minutes} minutes of traffic, measured): ${mib(full.file.length)} gzip, ${mib(fullUnpacked)} unpacked, served in ${full.ms.toFixed(0)} ms`);
    } else {
      const { export: five } = capped;
      lines.push(
        `saved ${EXPORT_MINUTES}-minute run (extrapolated: the last ${EXPORT_MINUTES} minutes of the time-shifted history above, written as the server writes it): ${mib(five.bytes)} gzip, ${mib(five.unpackedBytes)} unpacked, ${count(five.events)} events covering ${five.eventMinutes.toFixed(1)} minutes${five.eventMinutes < EXPORT_MINUTES - 0.1 ? ` (the cap's doing; with no cap ${mib(uncapped.export.bytes)} gzip, ${mib(uncapped.export.unpackedBytes)} unpacked)` : ""}`,
      );
    }

    // The server's own past as /rewind fetches it; then, for a short run, the 10-minute history built above opened as a
    // saved run through the page's "Open a saved run" (the same replay, at the size a full history has).
    const jumps = await measureJumps(app.baseUrl, weights.copies > 1 ? fullHistory : undefined);
    lines.push(`Rewind (headless Chromium, 1280×800), a click on the timeline → that moment drawn (data-rewind-at updated, then the next frame):`);
    lines.push(`  /rewind on this sandbox's past: opened in ${(jumps.server.openMs / 1000).toFixed(1)} s holding ${count(jumps.server.events)} events and ${jumps.server.snapshots} snapshots`);
    lines.push(`  ${jumpLine("jump", jumps.server)}`);
    if (jumps.file) {
      lines.push(`  the ${HISTORY_MINUTES}-minute history above as a saved run (extrapolated, opened with "Open a saved run"): read in ${(jumps.file.openMs / 1000).toFixed(1)} s, ${count(jumps.file.events)} events and ${jumps.file.snapshots} snapshots`);
      lines.push(`  ${jumpLine("jump", jumps.file)}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return lines;
}
