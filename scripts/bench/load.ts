// Load for the bench: autocannon run as its own process (so the bench's own event loop, which times events
// arriving on a socket, is not the one generating requests), one generator or several at once.
import { spawn } from "node:child_process";
import path from "node:path";

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  /** Requests per second this generator sends in all (autocannon's overallRate); as fast as it can when absent. */
  rate?: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  /** Answers received, and of them 2xx. */
  requests: number;
  ok: number;
  /** Answers per second over the run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
}

const cli = path.resolve(import.meta.dirname, "../../node_modules/autocannon/autocannon.js");

/** Runs autocannon against `url` and reads its JSON summary. */
export function autocannon(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { connections = 20, seconds = 10, rate, headers = {} } = options;
  const args = [cli, "-j", "-c", String(connections), "-d", String(seconds), ...(rate ? ["-R", String(rate)] : [])];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => {
      try {
        const result = JSON.parse(out) as { duration: number; "2xx": number; errors: number; timeouts: number; requests: { total: number }; latency: { p50: number; p99: number } };
        // Answers received (with a fixed rate, the latency histogram also holds corrected samples: not a count).
        const requests = result.requests.total;
        resolve({ requests, ok: result["2xx"], rps: requests / result.duration, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors + result.timeouts });
      } catch {
        reject(new Error(`autocannon against ${url} exited with ${code} and no summary`));
      }
    });
  });
}

/** Several generators at once (each its own process), e.g. to produce more telemetry than one can. */
export const generators = (runs: Array<{ url: string } & LoadOptions>): Promise<LoadResult[]> => Promise.all(runs.map(({ url, ...options }) => autocannon(url, options)));

export const perSecond = (value: number): string => `${Math.round(value).toLocaleString("en-US")}/s`;
