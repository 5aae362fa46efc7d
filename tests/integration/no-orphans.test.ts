// However the app ends — SIGTERM, Ctrl-C, SIGKILL or a crash — none of the processes it started outlives it.
import { afterEach, describe, expect, it } from "vitest";
import { startApp, type AppExit, type RunningApp } from "./support/app";
import { isAlive, type ProcessInfo } from "./support/processes";
import { waitFor } from "./support/wait";

/** How long the app's processes may take to go once the app itself has ended. */
const ORPHAN_DEADLINE_MS = 10_000;
const CRASH_HOOK = "./tests/integration/support/crash-on-signal.ts";

let app: RunningApp | undefined;

afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Starts the app and returns it with its descendants: redis-server and one process per shop service. */
async function startAndListProcesses(preload: string[] = []): Promise<ProcessInfo[]> {
  app = await startApp({ preload });
  const descendants = app.descendants();
  const servicePids = (await app.state()).services.map((service) => service.pid);
  // The sandbox's own report and the kernel agree: every service runs as one of the app's processes.
  expect(descendants.map((info) => info.pid)).toEqual(expect.arrayContaining(servicePids));
  expect(descendants.filter((info) => /redis-server/.test(info.cmd))).toHaveLength(1);
  expect(descendants.filter((info) => /\.build\/services\/[a-z-]+\.mjs/.test(info.cmd))).toHaveLength(7);
  return descendants;
}

/** Ends the app with `end`, waits for it to exit, then for every one of `processes` to be gone. */
async function endAndExpectNothingLeft(processes: ProcessInfo[], end: (app: RunningApp) => void): Promise<AppExit> {
  end(app!);
  const exit = await app!.waitForExit();
  const left = await waitFor(
    "every process of the app to be gone",
    () => {
      const alive = processes.filter((info) => isAlive(info.pid));
      return alive.length === 0 ? alive : undefined;
    },
    { timeoutMs: ORPHAN_DEADLINE_MS },
  ).catch(() => processes.filter((info) => isAlive(info.pid)));
  expect(left.map((info) => `${info.pid} ${info.cmd}`)).toEqual([]);
  return exit;
}

describe("no process outlives the app", () => {
  it("leaves no process behind after SIGTERM, and exits cleanly", async () => {
    const processes = await startAndListProcesses();
    const exit = await endAndExpectNothingLeft(processes, (running) => running.signal("SIGTERM"));
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it("leaves no process behind after Ctrl-C (SIGINT), and exits cleanly", async () => {
    const processes = await startAndListProcesses();
    const exit = await endAndExpectNothingLeft(processes, (running) => running.signal("SIGINT"));
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it("leaves no process behind after SIGKILL", async () => {
    const processes = await startAndListProcesses();
    const exit = await endAndExpectNothingLeft(processes, (running) => running.signal("SIGKILL"));
    expect(exit).toEqual({ code: null, signal: "SIGKILL" });
  });

  // A test-only preload makes the server throw an uncaught error on SIGUSR2: the real crash path, no production hook.
  it("leaves no process behind when the server crashes", async () => {
    const processes = await startAndListProcesses([CRASH_HOOK]);
    const exit = await endAndExpectNothingLeft(processes, (running) => running.signal("SIGUSR2"));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(app!.output()).toMatch(/the sandbox server crashed/);
  });
});
