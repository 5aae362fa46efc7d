// Starts child processes so that none can outlive the app: each is tied to us by the kernel (setpriv's
// parent-death signal) and remembered here, so that every way out of the app can kill what is left.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { existsSync } from "node:fs";

const SETPRIV = "/usr/bin/setpriv";
const alive = new Set<ChildProcess>();

/**
 * Spawns `command` in its own process group (so a terminal's Ctrl-C reaches only the app, which then stops its
 * children in order) with SIGKILL as its parent-death signal (so even a SIGKILLed app takes them along).
 */
export function spawnChild(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const [file, argv] = existsSync(SETPRIV) ? [SETPRIV, ["--pdeathsig", "SIGKILL", "--", command, ...args]] : [command, args];
  const child = spawn(file, argv, { ...options, detached: true });
  alive.add(child);
  child.once("exit", () => alive.delete(child));
  return child;
}

/** Sends a signal to a child's whole process group; quiet if it is already gone. */
export function signalChild(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** The last resort, synchronous so it works inside process.on("exit"): SIGKILL everything still running. */
export function killAllChildrenNow(): void {
  for (const child of alive) signalChild(child, "SIGKILL");
}

