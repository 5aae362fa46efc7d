// The app's processes as the kernel sees them: descendants through /proc parent links, and whether one still runs.
import { readFileSync, readdirSync } from "node:fs";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The command line, arguments separated by spaces. */
  cmd: string;
}

function readProcess(pid: number): (ProcessInfo & { state: string }) | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name sits in parentheses and may itself hold spaces or parentheses: fields start after the last ")".
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    return { pid, ppid: Number(ppid), cmd, state };
  } catch {
    return undefined; // gone between the listing and the read
  }
}

export function listProcesses(): ProcessInfo[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((info): info is ProcessInfo & { state: string } => info !== undefined && info.state !== "Z")
    .map(({ pid, ppid, cmd }) => ({ pid, ppid, cmd }));
}

/** Every live process below `root` (children, their children, ...), not `root` itself. */
export function descendantsOf(root: number): ProcessInfo[] {
  const all = listProcesses();
  const found: ProcessInfo[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const children = all.filter((info) => frontier.includes(info.ppid));
    found.push(...children);
    frontier = children.map((child) => child.pid);
  }
  return found;
}

/**
 * Whether the process still exists and runs. A zombie (exited, waiting for its parent to collect its status)
 * answers signal 0 but runs nothing, so it counts as gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const info = readProcess(pid);
  return info !== undefined && info.state !== "Z";
}
