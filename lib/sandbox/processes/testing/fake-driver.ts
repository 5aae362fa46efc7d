// A fake process driver for tests of the deciding code: processes that start, answer, crash and leave on command,
// with a log of what happened in order. No real process runs.
import type { DrivenProcess, ProcessDriver, ProcessRequest } from "../process-driver";

/** How a fake process behaves once started: ready and healthy, never healthy, or dead at boot (a bad release). */
export type Behaviour = "healthy" | "never-healthy" | "crash-at-boot";

export class FakeProcess implements DrivenProcess {
  readonly signals: NodeJS.Signals[] = [];
  /** Every message the supervisor sent it, in order. */
  readonly sent: unknown[] = [];
  private readonly messageListeners: Array<(message: unknown) => void> = [];
  private readonly exitListeners: Array<(code: number | null, signal: NodeJS.Signals | null) => void> = [];
  gone = false;

  constructor(readonly pid: number, readonly request: ProcessRequest, readonly behaviour: Behaviour, private readonly log: string[], private readonly port: number) {}

  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
  }
  onLine(): void {}
  onError(): void {}
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void {
    this.exitListeners.push(listener);
  }
  send(message: unknown): void {
    this.sent.push(message);
  }

  boot(): void {
    if (this.behaviour === "crash-at-boot") return this.exit(1, null);
    this.log.push(`ready ${this.pid}`);
    for (const listener of this.messageListeners) listener({ type: "ready", port: this.port || 40_000 + this.pid });
  }

  signal(signal: NodeJS.Signals): void {
    if (this.gone) return;
    this.signals.push(signal);
    this.log.push(`${signal} ${this.pid}`);
    queueMicrotask(() => this.exit(null, signal));
  }

  /** Leaves: on a signal, or by itself (a crash). */
  exit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.gone) return;
    this.gone = true;
    for (const listener of this.exitListeners) listener(code, signal);
  }
}

export class FakeDriver implements ProcessDriver {
  readonly started: FakeProcess[] = [];
  readonly log: string[] = [];
  /** What the next processes of each version do; healthy when not said. */
  behaviourOf: (version: number) => Behaviour = () => "healthy";
  private nextPid = 100;

  /** `readyPort`: the port every process reports as its own (a test's real /health server), or one per pid. */
  constructor(private readonly readyPort = 0) {}

  start(request: ProcessRequest): DrivenProcess {
    // A real launch spec says its version in the environment; the supervisor's tests pass it as the first argument.
    const version = Number(request.env.SERVICE_VERSION ?? request.args[0]);
    const fake = new FakeProcess(this.nextPid++, request, this.behaviourOf(version), this.log, this.readyPort);
    this.started.push(fake);
    this.log.push(`start ${fake.pid} v${version}`);
    queueMicrotask(() => fake.boot());
    return fake;
  }

  alive(): FakeProcess[] {
    return this.started.filter((fake) => !fake.gone);
  }
}
