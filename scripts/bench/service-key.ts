// A shop process's stack key, read from its environment in /proc (the bench runs as the same user), so the bench
// can call one service alone as its own stack's services do.
import { readFileSync } from "node:fs";
import { SERVICE_KEY_HEADER } from "../../sandbox-services/runtime/src/service-key";

export function serviceKeyHeaders(pid: number): Record<string, string> {
  const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
  const secret = environ.find((entry) => entry.startsWith("SERVICE_SECRET="))?.slice("SERVICE_SECRET=".length);
  if (!secret) throw new Error(`process ${pid} has no SERVICE_SECRET: not a shop service`);
  return { [SERVICE_KEY_HEADER]: secret };
}
