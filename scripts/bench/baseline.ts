// The bench's in-run baseline: what bare Node costs on this machine now, so the sandbox's figures read as ratios.
// A bare HTTP server (its memory, its throughput) and the same behind a bare keep-alive proxy (one hop's cost).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { serviceNodeFlags } from "../../lib/sandbox/processes/service-node-flags";
import { residentBytes } from "./app";
import { autocannon } from "./load";
import { timeSequential } from "./sequential";

export interface Baseline {
  /** From spawning the bare server to it listening: what starting one Node process costs now. */
  startMs: number;
  /** Resident memory of the bare server, idle, with the services' Node flags. */
  serverRssBytes: number;
  /** p50 of one sequential GET straight to the bare server, and through the bare proxy. */
  directP50Ms: number;
  proxiedP50Ms: number;
  /** Answers per second at 20 connections, straight and through the proxy. */
  directRps: number;
  proxiedRps: number;
}

const script = path.resolve(import.meta.dirname, "bare-http.mjs");

function startBare(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...serviceNodeFlags(), script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.once("data", (chunk: Buffer) => resolve({ child, url: `http://127.0.0.1:${chunk.toString().trim()}` }));
    child.once("exit", (code) => reject(new Error(`the baseline ${args[0]} exited with ${code}`)));
  });
}

export async function measureBaseline(seconds = 8): Promise<Baseline> {
  const spawned = performance.now();
  const server = await startBare(["server"]);
  const startMs = performance.now() - spawned;
  const proxy = await startBare(["proxy", new URL(server.url).port]);
  try {
    await timeSequential(`${proxy.url}/products`, 200); // warm both up
    const serverRssBytes = residentBytes(server.child.pid!);
    const direct = await timeSequential(`${server.url}/products`, 1_000);
    const proxied = await timeSequential(`${proxy.url}/products`, 1_000);
    const directLoad = await autocannon(`${server.url}/products`, { seconds });
    const proxiedLoad = await autocannon(`${proxy.url}/products`, { seconds });
    const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return { startMs, serverRssBytes, directP50Ms: p50(direct), proxiedP50Ms: p50(proxied), directRps: directLoad.rps, proxiedRps: proxiedLoad.rps };
  } finally {
    server.child.kill("SIGTERM");
    proxy.child.kill("SIGTERM");
  }
}
