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

export const childProcessDriver: ProcessDriver = {
  start(request: ProcessRequest): DrivenProcess {
    const child = spawnChild(request.command, request.args, {
      env: { ...process.env, ...request.env },
      stdio: request.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
    });
    return new ChildProcessHandle(child);
  },
};
