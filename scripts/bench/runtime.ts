// The runtime's figures: start-up, a recreate redeploy and memory, each returned as numbers for the goals table.
import { readFileSync } from "node:fs";
import { allHealthy, commandName, percentile, processTree, residentBytes, startApp, waitFor, type RunningApp } from "./app";

/** Until every service is healthy (the control API answers while Next prepares), and until the first page is served. */
/** `env`: added to the app's environment (the telemetry drive's, which only arms a signal handler in each service). */
export async function measureStartup(port: number, env: Record<string, string> = {}): Promise<{ app: RunningApp; ms: number; pageMs: number }> {
  const started = performance.now();
  const app = startApp(port, env);
  const page = waitFor("the first page", async () => ((await fetch(app.baseUrl)).ok ? performance.now() - started : undefined), 60_000, 10);
  await waitFor("every service healthy", async () => (allHealthy(await app.state()) ? true : undefined), 60_000, 10);
  const ms = performance.now() - started;
  return { app, ms, pageMs: await page };
}

/** CPU time a process has used, in clock ticks (10 ms), or undefined once it is gone. */
export function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/** Until `pid` has used at most one clock tick of CPU in each of two 100 ms spells: it has gone idle. */
async function untilIdle(pid: number): Promise<void> {
  let quiet = 0;
  let before = cpuTicks(pid);
  await waitFor(`process ${pid} idle`, async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = cpuTicks(pid);
    quiet = now !== undefined && before !== undefined && now - before <= 1 ? quiet + 1 : 0;
    before = now;
    return quiet >= 2 ? true : undefined;
  }, 15_000, 0);
}

export interface RedeployFigures {
  /** Each redeploy of a settled service: the one before had finished starting (its queue consumer too) and gone idle. */
  p50Ms: number;
  maxMs: number;
  rounds: number;
  /** Back to back: each redeploy called as soon as the one before answered, while that new process still starts its consumer. */
  backToBackP50Ms: number;
}

/** Recreate redeploys of product-service, each timed from the call to its answer (the new instance healthy). */
export async function measureRedeploy(app: RunningApp, rounds = 5): Promise<RedeployFigures> {
  const redeploy = async () => {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}/api/services/product-service/redeploy`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    const body = (await response.json()) as { service?: { pid: number | null }; error?: string };
    if (!response.ok) throw new Error(`redeploy failed: ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, pid: body.service?.pid ?? null };
  };
  const settled: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const { ms, pid } = await redeploy();
    settled.push(ms);
    if (pid) await untilIdle(pid);
  }
  const backToBack: number[] = [];
  for (let i = 0; i < rounds; i++) backToBack.push((await redeploy()).ms);
  return { p50Ms: percentile(settled, 50), maxMs: Math.max(...settled), rounds, backToBackP50Ms: percentile(backToBack, 50) };
}

export interface MemoryFigures {
  totalBytes: number;
  each: Array<{ name: string; bytes: number }>;
}

/** The sandbox is the server process and everything under it; npm, which only launched it, is left out. */
export function measureMemory(serverPid: number): MemoryFigures {
  const each = processTree(serverPid).map((pid) => ({ name: commandName(pid), bytes: residentBytes(pid) }));
  return { totalBytes: each.reduce((sum, entry) => sum + entry.bytes, 0), each };
}

export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

export const memoryLine = (memory: MemoryFigures): string => `${mb(memory.totalBytes)} in ${memory.each.length} processes (MB each: ${memory.each.map((entry) => `${entry.name} ${(entry.bytes / 2 ** 20).toFixed(0)}`).join(", ")})`;
