// Starts the app the way a user does (`npm start`) for a benchmark, and reads what its processes cost.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import type { SandboxState } from "../../lib/contract/control";
import { percentileOfSorted } from "../../lib/sandbox/metrics/percentile";

export interface RunningApp {
  baseUrl: string;
  process: ChildProcess;
  state(): Promise<SandboxState>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const allHealthy = (state: SandboxState): boolean => state.services.length > 0 && state.services.every((service) => service.status === "healthy");

/** `npm start` on `port`; resolves once the control API answers (not yet healthy: the caller decides). */
/** `headers`: sent when the state is asked for (a classroom's presenter credential). */
export function startApp(port: number, env: Record<string, string> = {}, headers: Record<string, string> = {}): RunningApp {
  const child = spawn("npm", ["start", "--silent"], {
    env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    baseUrl,
    process: child,
    state: async () => (await (await fetch(`${baseUrl}/api/sandbox`, { headers })).json()) as SandboxState,
    async stop() {
      // npm and its shell share the group: SIGTERM reaches the server, which stops its own children.
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await exited;
    },
  };
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // The process left while we looked.
    }
  }
  return found;
}

/** The pid and every descendant of it. */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]));
  return all;
}

/** Resident memory of one process in bytes (0 if it is gone). */
export function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The p-th percentile of unsorted values (NaN when there are none), by the same method as the sandbox's metrics. */
export function percentile(values: number[], p: number): number {
  return percentileOfSorted(Float64Array.from(values).sort(), p) ?? NaN;
}

export const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/** The server's own pid under npm and its shell: the node process running server.ts. */
export function serverPid(app: RunningApp): number {
  const pid = processTree(app.process.pid!).find((candidate) => {
    try {
      const argv = readFileSync(`/proc/${candidate}/cmdline`, "utf8").split("\0");
      return /(^|\/)node$/.test(argv[0]) && argv.some((arg) => /server\.(ts|mjs)$/.test(arg));
    } catch {
      return false;
    }
  });
  if (!pid) throw new Error("the server process was not found under npm start");
  return pid;
}

/** A short name for a process of the sandbox: the service it runs, "server", or its program. */
export function commandName(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const service = argv.find((arg) => arg.endsWith(".mjs"));
    if (service) return service.split("/").pop()!.replace(/\.mjs$/, "");
    if (argv.some((arg) => /server\.(ts|mjs)$/.test(arg))) return "server";
    // redis-server rewrites its own title to "redis-server <address>".
    return argv[0].split(" ")[0].split("/").pop()!;
  } catch {
    return String(pid);
  }
}
