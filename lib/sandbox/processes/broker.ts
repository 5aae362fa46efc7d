// The sandbox's own redis-server: how it is started, and how to tell that it answers.
import net from "node:net";
import path from "node:path";

/** Arguments for a private redis-server: a unix socket in its own folder, no TCP, and an append-only file so
 * jobs waiting in a queue survive the broker's own crash. */
export function redisArgs(dir: string): string[] {
  return [
    "--port", "0",
    "--unixsocket", socketPath(dir),
    "--unixsocketperm", "700",
    "--dir", dir,
    "--save", "",
    "--appendonly", "yes",
    // Every write reaches the disk before redis answers: a job it acknowledged survives its own crash.
    "--appendfsync", "always",
    "--maxmemory-policy", "noeviction",
    "--protected-mode", "yes",
  ];
}

export const socketPath = (dir: string): string => path.join(dir, "redis.sock");

/** Sends PING over a fresh connection; true when redis answers PONG within the timeout. */
export function pingRedis(target: { path: string } | { host: string; port: number }, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = "path" in target ? net.createConnection(target.path) : net.createConnection(target.port, target.host);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    // Any answer means it is up; a password-protected REDIS_URL answers PING with -NOAUTH.
    socket.once("data", (data) => done(/^[+-]/.test(data.toString())));
  });
}

/** Where ping should knock for a REDIS_URL given by the user. */
export function pingTargetFromUrl(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 6379) };
}
