// The seam between deciding and doing: how a process is started, signalled, talked to and heard. The supervisor and
// its instances only ever use this interface, so their decisions can be tested with a fake driver and another way to
// run a process could be plugged in. The real one is child-process-driver.ts.

export interface ProcessRequest {
  command: string;
  args: string[];
  /** Added to the app's own environment. */
  env: Record<string, string>;
  /** Open a message channel (the service reports {type:"ready", port} and its telemetry over it). */
  ipc: boolean;
}

/** One started process, as its instance sees it. */
export interface DrivenProcess {
  /** The operating system's pid; null when it could not even be started. */
  readonly pid: number | null;
  /** Each message the process sends over its channel. */
  onMessage(listener: (message: unknown) => void): void;
  /** Each line it writes: standard output as "out", standard error as "err". */
  onLine(listener: (stream: "out" | "err", line: string) => void): void;
  /** Once, when it has gone: its exit code, or the signal that ended it. */
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /** It could not be started, or the channel failed. */
  onError(listener: (error: Error) => void): void;
  /** Sends a signal to the process and whatever it started; quiet if it is already gone. */
  signal(signal: NodeJS.Signals): void;
  /** Sends a message over its channel, if it is still open; dropped otherwise. */
  send(message: unknown): void;
}

export interface ProcessDriver {
  start(request: ProcessRequest): DrivenProcess;
}
