// The process driver the sandbox runs on: real child processes, tied to the app by the kernel (child-process.ts),
// their output read line by line and their IPC channel used for readiness and telemetry.
import type { ChildProcess } from "node:child_process";
import readline from "node:readline";
import { signalChild, spawnChild } from "./child-process";
import type { DrivenProcess, ProcessDriver, ProcessRequest } from "./process-driver";

class ChildProcessHandle implements DrivenProcess {
  constructor(private readonly child: ChildProcess) {}

  get pid(): number | null {
    return this.child.pid ?? null;
  }

  onMessage(listener: (message: unknown) => void): void {
    this.child.on("message", listener);
  }

  onLine(listener: (stream: "out" | "err", line: string) => void): void {
    for (const [input, stream] of [[this.child.stdout, "out"], [this.child.stderr, "err"]] as const) {
      if (input) readline.createInterface({ input }).on("line", (line) => listener(stream, line));
    }
  }

  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void {
    this.child.once("exit", listener);
  }

  onError(listener: (error: Error) => void): void {
    this.child.on("error", listener);
  }

  signal(signal: NodeJS.Signals): void {
    signalChild(this.child, signal);
  }

  send(message: unknown): void {
    if (this.child.connected) this.child.send(message as never, () => {});
  }
}

/**
 * What a child takes from the app's own environment: finding programs, locale and time, temporary files, coverage and
 * the bench's telemetry drive. Nothing else: the app's secrets (a presenter's token, say) never reach a service.
 */
const PASSED_ENV = ["PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "NODE_V8_COVERAGE", "SANDBOX_BENCH_TELEMETRY"];

export function childEnvironment(own: NodeJS.ProcessEnv, given: Record<string, string>): NodeJS.ProcessEnv {
  const passed: Record<string, string> = {};
  for (const name of PASSED_ENV) if (own[name] !== undefined) passed[name] = own[name];
  // A service's NODE_ENV is the one its launch gives (production), not the app's.
  return { ...passed, ...given } as NodeJS.ProcessEnv;
}

export const childProcessDriver: ProcessDriver = {
  start(request: ProcessRequest): DrivenProcess {
    const child = spawnChild(request.command, request.args, {
      env: childEnvironment(process.env, request.env),
      stdio: request.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
    });
    return new ChildProcessHandle(child);
  },
};
