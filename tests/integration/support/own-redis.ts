// A redis-server of the test's own on a free TCP port: a broker given to the sandbox through REDIS_URL, or one that
// BullMQ is pointed at directly. It goes with the test process, however that ends.
import { spawn, spawnSync } from "node:child_process";
import { freePort } from "./app";
import { waitFor } from "./wait";

export interface OwnRedis {
  port: number;
  /** Runs redis-cli against it and returns what it printed, trimmed. */
  cli(...args: string[]): string;
  stop(): void;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const stop = () => redis.kill("SIGKILL");
  process.once("exit", stop); // even if the test process ends early, our redis goes with it
  const cli = (...args: string[]) => spawnSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8" }).stdout.trim();
  await waitFor("the test's own redis to answer", () => cli("ping") === "PONG", { timeoutMs: 10_000, intervalMs: 50 });
  return { port, cli, stop };
}
