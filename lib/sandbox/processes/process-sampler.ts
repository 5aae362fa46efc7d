// Samples the CPU time and resident memory of the sandbox's processes from /proc once a second, so the metrics can
// say how busy and how large each service is. The /proc text is read here; its parsing is pure (proc-stats.ts).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpuPercent, cpuTicksFromStat, rssBytesFromStatus, type CpuReading } from "./proc-stats";

export const SAMPLE_INTERVAL_MS = 1_000;

export interface ProcessSample {
  /** Percent of one core over the last interval; 0 until a process has been read twice. */
  cpuPercent: number;
  rssBytes: number;
}

/**
 * Clock ticks per second of /proc's CPU times, asked of the system once; 100 (Linux's usual) until it answers or if it
 * cannot say. Asked without waiting: a synchronous getconf would hold back the server's start, before any service starts.
 */
function askClockTicks(answer: (ticks: number) => void): void {
  execFile("getconf", ["CLK_TCK"], { encoding: "utf8", timeout: 2_000 }, (error, stdout) => {
    const value = Number(stdout.trim());
    if (!error && Number.isInteger(value) && value > 0) answer(value);
  });
}

function readProc(pid: number): { ticks: number; rssBytes: number } | null {
  try {
    const ticks = cpuTicksFromStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
    const rssBytes = rssBytesFromStatus(readFileSync(`/proc/${pid}/status`, "utf8"));
    return ticks === null || rssBytes === null ? null : { ticks, rssBytes };
  } catch {
    // Gone between listing and reading: it simply is not live.
    return null;
  }
}

export class ProcessSampler {
  /** Only the pids asked for at the last sample: a pid that went is forgotten, so this stays as small as the sandbox. */
  private readings = new Map<number, CpuReading>();
  private samples = new Map<number, ProcessSample>();
  private readonly timer: NodeJS.Timeout;
  private clockTicks = 100;

  constructor(private readonly pids: () => number[]) {
    askClockTicks((ticks) => (this.clockTicks = ticks));
    this.timer = setInterval(() => this.sample(), SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  /** The last sample of a live process; undefined when it was not live (or not yet seen) at the last sample. */
  get(pid: number): ProcessSample | undefined {
    return this.samples.get(pid);
  }

  sample(): void {
    const readings = new Map<number, CpuReading>();
    const samples = new Map<number, ProcessSample>();
    const atMs = performance.now();
    for (const pid of new Set(this.pids())) {
      const read = readProc(pid);
      if (!read) continue;
      const reading = { ticks: read.ticks, atMs };
      const before = this.readings.get(pid);
      readings.set(pid, reading);
      samples.set(pid, { cpuPercent: before ? cpuPercent(before, reading, this.clockTicks) : 0, rssBytes: read.rssBytes });
    }
    this.readings = readings;
    this.samples = samples;
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}
