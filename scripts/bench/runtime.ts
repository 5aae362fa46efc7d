// The runtime's figures: start-up, a recreate redeploy and memory, each returned as numbers for the goals table.
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

/** Recreate redeploys of product-service, each timed from the call to its answer (the new instance healthy). */
export async function measureRedeploy(app: RunningApp, rounds = 5): Promise<{ p50Ms: number; maxMs: number; rounds: number }> {
  const durations: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}/api/services/product-service/redeploy`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    if (!response.ok) throw new Error(`redeploy failed: ${JSON.stringify(await response.json())}`);
    durations.push(performance.now() - started);
  }
  return { p50Ms: percentile(durations, 50), maxMs: Math.max(...durations), rounds };
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
