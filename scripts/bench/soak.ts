// The memory of every process after a long steady load: the sandbox's own traffic generator (the shoppers' mix:
// browsing, orders, logins) at `rps` on the microservices for `seconds`, then each process's resident memory.
import type { TrafficView } from "../../lib/contract/control";
import { commandName, processTree, residentBytes, waitFor, type RunningApp } from "./app";
import { control } from "./control";

export interface SoakFigures {
  sent: number;
  failed: number;
  /** Resident memory per process name, read as the load ends and again after a short rest. */
  atEnd: Array<{ name: string; bytes: number }>;
}

export async function measureSoak(app: RunningApp, serverPid: number, rps = 300, seconds = 180): Promise<SoakFigures> {
  await control(app, "POST", "/api/traffic", { rps, durationS: seconds, stack: "microservices" });
  const view = await waitFor("the soak's traffic to end", async () => {
    const { traffic } = await control<{ traffic: TrafficView }>(app, "GET", "/api/traffic");
    return traffic.running ? undefined : traffic;
  }, (seconds + 60) * 1000, 500);
  const atEnd = processTree(serverPid).map((pid) => ({ name: commandName(pid), bytes: residentBytes(pid) }));
  const stack = view.stacks.find((entry) => entry.stack === "microservices");
  return { sent: stack?.sent ?? 0, failed: stack?.failed ?? 0, atEnd };
}
