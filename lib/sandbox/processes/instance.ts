// One running copy of a service: its process, its status (moved only through the lifecycle table), its logs.
import type { ServiceKind, ServiceStatus } from "../../contract/services";
import type { LifecycleEvent, LogEvent, StackId } from "../../contract/events";
import type { EventSink } from "../telemetry/event-sink";
import { readChildMessage } from "../../contract/telemetry-check";
import type { InstanceView } from "../../contract/control";
import { canTransition, isAlive, NOT_READY_REASON } from "../../contract/lifecycle";
import type { DrivenProcess, ProcessDriver } from "./process-driver";

/** How a service is started and how to tell it is ready and well. */
export interface LaunchSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** "ipc": the process reports {type:"ready", port}; "log": a line matching `readyLine` is printed. */
  readiness: { kind: "ipc" } | { kind: "log"; readyLine: RegExp };
  /** Whether the instance answers (liveness); called once ready, then on every health round. */
  health(instance: Instance): Promise<boolean>;
  /** Whether the instance can serve a request now (readiness); asked on health rounds while readiness checks are on. */
  ready?(instance: Instance): Promise<boolean>;
  /** Where it listens, for the views (when it is not a TCP port). */
  address?: string;
  /** How long it may take to become healthy; START_TIMEOUT_MS when not given. */
  startTimeoutMs?: number;
}


/** A process that is neither ready nor healthy after this long is killed and reported crashed. */
export const START_TIMEOUT_MS = 15_000;
/** A graceful stop that takes longer than this ends in SIGKILL. */
export const STOP_TIMEOUT_MS = 5_000;
/** Health rounds in a row that must fail (liveness, or readiness while it is checked) before a running instance is called unhealthy. */
export const UNHEALTHY_AFTER_FAILURES = 2;

const TRACE_IN_LOG = /trace=([0-9a-f]{32})\s*$/;

export class Instance {
  status: ServiceStatus = "stopped";
  reason = "not started";
  pid: number | null = null;
  port: number | null = null;
  startedAt: number | null = null;
  /** Retiring: out of the registry, so it takes no new calls, and about to be stopped. */
  draining = false;
  private child: DrivenProcess | undefined;
  private healthFailures = 0;
  private readyFailures = 0;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly serviceId: string,
    readonly stack: StackId,
    readonly kind: ServiceKind,
    readonly instanceId: string,
    readonly version: number,
    private readonly spec: LaunchSpec,
    /** Where the process's telemetry and log lines go. */
    private readonly sink: EventSink,
    /** Told of every lifecycle move first: the supervisor decides what follows it, then records it. */
    private readonly onLifecycle: (event: LifecycleEvent) => void,
    private readonly driver: ProcessDriver,
  ) {}

  get address(): string | null {
    return this.spec.address ?? (this.port === null ? null : `http://127.0.0.1:${this.port}`);
  }

  view(): InstanceView {
    return { instanceId: this.instanceId, status: this.status, pid: this.pid, port: this.port, version: this.version, startedAt: this.startedAt };
  }

  /** Moves to `to` if the lifecycle table allows it; every move is one lifecycle event. */
  private transition(to: ServiceStatus, reason: string, probe?: LifecycleEvent["probe"]): boolean {
    if (!canTransition(this.status, to)) return false;
    const from = this.status;
    this.status = to;
    this.reason = reason;
    this.onLifecycle({ type: "lifecycle", ts: Date.now(), stack: this.stack, service: this.serviceId, instanceId: this.instanceId, from, to, pid: this.pid, version: this.version, reason, ...(probe && { probe }) });
    return true;
  }

  /** Starts the process and resolves once it is healthy, or once it has failed to get there. */
  start(): Promise<void> {
    const child = this.driver.start({ command: this.spec.command, args: this.spec.args, env: this.spec.env, ipc: this.spec.readiness.kind === "ipc" });
    this.child = child;
    this.pid = child.pid;
    this.port = null;
    this.startedAt = Date.now();
    this.healthFailures = 0;
    this.readyFailures = 0;
    this.transition("starting", "starting a new process");

    let markReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    this.captureOutput(child, markReady);
    child.onMessage((raw) => {
      const message = readChildMessage(raw);
      if (!message) return;
      if (message.type === "ready") {
        this.port = message.port;
        markReady();
      } else {
        this.sink.emit(message.events, message.dropped);
      }
    });
    child.onError((error) => this.logLine("error", `could not start: ${error.message}`));
    this.exited = new Promise((resolve) =>
      child.onExit((code, signal) => {
        this.onExit(code, signal);
        resolve();
      }),
    );
    return this.becomeHealthy(ready);
  }

  private async becomeHealthy(ready: Promise<void>): Promise<void> {
    const timeoutMs = this.spec.startTimeoutMs ?? START_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    const timedOut = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeoutMs).unref());
    const outcome = await Promise.race([ready.then(() => "ready" as const), this.exited.then(() => "exited" as const), timedOut]);
    while (outcome === "ready" && this.status === "starting" && Date.now() < deadline) {
      if (await this.spec.health(this)) {
        this.transition("healthy", "answering its health check");
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (this.status === "starting") {
      this.transition("crashed", "did not become healthy in time");
      this.child?.signal("SIGKILL");
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
    if (this.status === "stopping") this.transition("stopped", `${this.reason} (${how})`);
    else if (this.status !== "crashed") this.transition("crashed", `${how} on its own`);
    this.pid = null;
    this.port = null;
    this.child = undefined;
  }

  /** SIGTERM, then SIGKILL if it has not left in time. Resolves once the process is gone. */
  async stop(reason = "stopped by the user"): Promise<void> {
    const child = this.child;
    if (!child || !isAlive(this.status)) return;
    this.transition("stopping", reason);
    child.signal("SIGTERM");
    const timer = setTimeout(() => child.signal("SIGKILL"), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /** SIGKILL: no goodbye. Resolves once the process is gone. */
  async kill(reason = "killed by the user"): Promise<void> {
    const child = this.child;
    if (!child || !isAlive(this.status)) return;
    if (this.status !== "stopping") this.transition("stopping", reason);
    child.signal("SIGKILL");
    await this.exited;
  }

  /**
   * One round of health checking for a running instance. Liveness asks whether the process answers at all; with
   * `readinessChecks` on, readiness also asks whether it can serve a request now. Either failing takes it out of the
   * registry (unhealthy); only liveness is spared the shop's faults, so without readiness a failing service looks well.
   */
  async checkHealth(readinessChecks = false): Promise<void> {
    const running = () => this.status === "healthy" || this.status === "unhealthy";
    if (!running()) return;
    const live = await this.spec.health(this);
    const checkReady = live && readinessChecks && this.spec.ready !== undefined;
    const ready = checkReady ? await this.spec.ready!(this) : live;
    if (!running()) return;
    if (!live) {
      this.readyFailures = 0;
      if (++this.healthFailures >= UNHEALTHY_AFTER_FAILURES && this.status === "healthy") this.transition("unhealthy", `no answer to ${this.healthFailures} health checks in a row`, "liveness");
      return;
    }
    this.healthFailures = 0;
    if (ready) {
      this.readyFailures = 0;
      if (this.status === "unhealthy") this.transition("healthy", checkReady ? "ready: its readiness check passes" : "answering its health check again", checkReady ? "readiness" : "liveness");
    } else if (++this.readyFailures >= UNHEALTHY_AFTER_FAILURES && this.status === "healthy") {
      this.transition("unhealthy", `${NOT_READY_REASON}: its readiness check failed ${this.readyFailures} times in a row`, "readiness");
    }
  }

  send(message: unknown): void {
    this.child?.send(message);
  }

  private captureOutput(child: DrivenProcess, markReady: () => void): void {
    const readyLine = this.spec.readiness.kind === "log" ? this.spec.readiness.readyLine : undefined;
    child.onLine((stream, line) => {
      if (readyLine?.test(line)) markReady();
      this.logLine(stream === "err" ? "error" : line.startsWith("warning:") ? "warn" : "info", line);
    });
  }

  private logLine(level: LogEvent["level"], line: string): void {
    const trace = TRACE_IN_LOG.exec(line);
    this.sink.emit([{ type: "log", ts: Date.now(), stack: this.stack, service: this.serviceId, instanceId: this.instanceId, level, line: trace ? line.slice(0, trace.index).trimEnd() : line, traceId: trace?.[1] }]);
  }
}
