// Starts the real app (Next + socket.io + the sandbox and its processes) on a free port, and ends it however a test asks.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SandboxState, ServiceView } from "../../../lib/contract/control";
import { requestJson } from "./http";
import { descendantsOf, isAlive, type ProcessInfo } from "./processes";
import { waitFor } from "./wait";

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Next and eight processes on two cores: a start takes ~5 s, a busy machine may need several times that. */
const START_TIMEOUT_MS = 100_000;
/** The server gives its children 10 s to stop before forcing them; we wait a little longer than that. */
const EXIT_TIMEOUT_MS = 15_000;
/** Output lines kept to explain a failure. */
const OUTPUT_LINES = 200;

export interface AppOptions {
  /** Extra modules loaded before server.ts (test-only hooks). */
  preload?: string[];
  /** Extra environment for the app, e.g. SANDBOX_ARCHITECTURE. */
  env?: Record<string, string>;
  /** Headers the harness's own reads send (classroom mode: the presenter's bearer token). */
  readHeaders?: Record<string, string>;
  /** Called once, when the control API first answers (the services still starting), with what it said. */
  onControlApi?: (origin: string, state: SandboxState) => void;
}

export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Apps still running: if the test process itself goes, it takes them along (their children follow by pdeathsig). */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export class RunningApp {
  readonly exited: Promise<AppExit>;
  exit: AppExit | undefined;
  private readonly lines: string[] = [];
  /** Every descendant ever seen, so stop() can make sure none outlives the test. */
  private readonly seen = new Map<number, ProcessInfo>();

  constructor(
    private readonly child: ChildProcess,
    readonly origin: string,
    /** The app's data folder (SANDBOX_DATA_DIR): made for it, removed by stop(). */
    readonly dataDir: string,
    /** Sent with the harness's own reads (a classroom's presenter token); none by default. */
    readonly readHeaders: Record<string, string> = {},
  ) {
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        this.lines.push(...chunk.split("\n").filter(Boolean));
        if (this.lines.length > OUTPUT_LINES) this.lines.splice(0, this.lines.length - OUTPUT_LINES);
      });
    }
    running.add(child);
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        running.delete(child);
        resolve((this.exit = { code, signal }));
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The app's recent stdout and stderr, for failure messages. */
  output(): string {
    return this.lines.join("\n");
  }

  async state(): Promise<SandboxState> {
    const { status, body } = await requestJson<SandboxState>(`${this.origin}/api/sandbox`, { headers: this.readHeaders });
    if (status !== 200) throw new Error(`GET /api/sandbox answered ${status}`);
    return body;
  }

  async service(id: string): Promise<ServiceView> {
    const service = (await this.state()).services.find((candidate) => candidate.id === id);
    if (!service) throw new Error(`the sandbox reports no service ${id}`);
    return service;
  }

  /** The gateway's base URL, where the storefront API answers. */
  async storefrontUrl(): Promise<string> {
    const url = (await this.state()).stacks[0]?.storefrontUrl;
    if (!url) throw new Error("the sandbox reports no storefront URL");
    return url;
  }

  /** The app's live descendants (redis-server and the shop's services), remembered for stop(). */
  descendants(): ProcessInfo[] {
    const found = descendantsOf(this.pid);
    for (const info of found) this.seen.set(info.pid, info);
    return found;
  }

  signal(signal: NodeJS.Signals): void {
    if (!this.exit) this.child.kill(signal);
  }

  /** Waits (bounded) for the app to exit after whatever ended it. */
  async waitForExit(timeoutMs = EXIT_TIMEOUT_MS): Promise<AppExit> {
    return waitFor("the app to exit", () => this.exit, { timeoutMs, intervalMs: 50 });
  }

  /**
   * Ends the app with SIGTERM and waits for it. Whatever happened before, nothing it started is left: any
   * survivor is SIGKILLed by pid and reported as an error, and the data folder goes.
   */
  async stop(): Promise<void> {
    const problems: string[] = [];
    try {
      if (!this.exit) this.descendants();
      this.signal("SIGTERM");
      try {
        await this.waitForExit();
      } catch {
        problems.push(`the app did not exit within ${EXIT_TIMEOUT_MS} ms of SIGTERM`);
        this.signal("SIGKILL");
        await this.waitForExit(5_000).catch(() => problems.push("the app survived SIGKILL"));
      }
      const survivors = await waitFor("the app's processes to end", () => {
        const left = [...this.seen.values()].filter((info) => isAlive(info.pid));
        return left.length === 0 ? [] : undefined;
      }, { timeoutMs: 10_000 }).catch(() => [...this.seen.values()].filter((info) => isAlive(info.pid)));
      for (const info of survivors) {
        process.kill(info.pid, "SIGKILL");
        problems.push(`process ${info.pid} (${info.cmd}) outlived the app`);
      }
    } finally {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
    if (problems.length > 0) throw new Error(`${problems.join("; ")}\n--- app output ---\n${this.output()}`);
  }
}

/** Starts the app and resolves once every service reports healthy and the storefront has an address. */
export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sandbox-it-"));
  const preload = (options.preload ?? []).flatMap((module) => ["--import", module]);
  const child = spawn(process.execPath, ["--import", "tsx", ...preload, "server.ts"], {
    cwd: ROOT_DIR,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), SANDBOX_DATA_DIR: dataDir, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const app = new RunningApp(child, `http://127.0.0.1:${port}`, dataDir, options.readHeaders);
  let controlApiAnswered = false;
  try {
    const outcome = await waitFor(
      "every service to be healthy",
      async () => {
        if (app.exit) return "exited";
        const state = await app.state();
        if (!controlApiAnswered) options.onControlApi?.(app.origin, state);
        controlApiAnswered = true;
        const healthy = state.services.length > 0 && state.services.every((service) => service.status === "healthy");
        return healthy && state.stacks[0]?.storefrontUrl ? "healthy" : undefined;
      },
      { timeoutMs: START_TIMEOUT_MS, intervalMs: 200 },
    );
    if (outcome === "exited") throw new Error(`the app exited while starting (${JSON.stringify(app.exit)})`);
    app.descendants();
    return app;
  } catch (error) {
    await app.stop().catch(() => {});
    throw new Error(`${(error as Error).message}\n--- app output ---\n${app.output()}`);
  }
}
