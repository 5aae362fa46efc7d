// Weighs the server's recorded history for a real saved run: history-heap.ts in a `node --expose-gc` process of its
// own (so the bench's own objects are not on the scale), its answer read back as JSON.
import { spawn } from "node:child_process";
import path from "node:path";
import type { HistoryWeight } from "./history-heap";

export interface HistoryWeights {
  capped: HistoryWeight;
  uncapped: HistoryWeight;
  /** How many time-shifted copies of the real run were needed to cover the span (1: the real run alone). */
  copies: number;
  realSpanMs: number;
}

const script = path.resolve(import.meta.dirname, "history-heap.ts");

/**
 * The history that `file` (a saved run) fills when repeated over `minutes`, with the server's bounds and with no cap,
 * and the saved run of its last `exportMinutes`; the whole capped history is written as a saved run to `savedRunOut`.
 */
export function weighHistory(file: string, minutes: number, exportMinutes: number, savedRunOut: string): Promise<HistoryWeights> {
  return new Promise((resolve, reject) => {
    // Room for an uncapped 10 minutes of a fast run: far more than the default heap limit guarantees.
    const child = spawn(process.execPath, ["--expose-gc", "--max-old-space-size=4096", "--import", "tsx", script, file, String(minutes), String(exportMinutes), savedRunOut], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => {
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as HistoryWeights);
      } catch {
        reject(new Error(`history-heap.ts exited with ${code} and no figures`));
      }
    });
  });
}
