// A few of the goals' figures on their own, to compare two versions of the code: `node --import tsx scripts/bench/focus.ts`
// (BENCH_FOCUS=startup,memory,redeploy,telemetry picks some; BENCH_PORT, 3300). Prints the load average beside them.
import os from "node:os";
import type { SandboxState } from "../../lib/contract/control";
import { ms, serverPid } from "./app";
import { control } from "./control";
import { cpuTicks, mb, measureMemory, measureRedeploy, measureStartup, memoryLine } from "./runtime";
import { measureTelemetryLoad } from "./telemetry-load";

const port = Number(process.env.BENCH_PORT ?? 3300);
const focus = new Set((process.env.BENCH_FOCUS ?? "startup,memory,redeploy,telemetry").split(","));
/** CPU seconds a process has used (user + system), from /proc. */
const cpuSeconds = (pid: number) => (cpuTicks(pid) ?? NaN) / 100;
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(" ");

console.log(`load average at the start: ${load()}`);
// BENCH_URL: an app already running (started by hand with `node --cpu-prof .build/server.mjs`, say) is measured as it is.
const attached = process.env.BENCH_URL;
const { app, ms: startupMs } = attached
  ? { app: { baseUrl: attached, process: undefined as never, state: async () => (await (await fetch(`${attached}/api/sandbox`)).json()) as SandboxState, stop: async () => {} }, ms: NaN }
  : await measureStartup(port);
try {
  if (focus.has("startup")) console.log(`npm start → every service healthy: ${ms(startupMs)}`);
  if (focus.has("memory") && !attached) {
    // Idle means idle: the start-up's own garbage has had a moment to be collected.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const idle = measureMemory(serverPid(app));
    console.log(`idle memory: ${memoryLine(idle)} (${mb(idle.totalBytes)})`);
  }
  if (focus.has("redeploy")) {
    const redeploy = await measureRedeploy(app, 7);
    console.log(`recreate redeploy: p50 ${ms(redeploy.p50Ms)}, max ${ms(redeploy.maxMs)} over ${redeploy.rounds}; back to back p50 ${ms(redeploy.backToBackP50Ms)}`);
  }
  if (focus.has("telemetry")) {
    await control(app, "POST", "/api/sandbox/architecture", { architecture: "both" });
    const pid = attached ? Number(process.env.BENCH_SERVER_PID) : serverPid(app);
    const cpuBefore = cpuSeconds(pid);
    const telemetry = await measureTelemetryLoad(app, Number(process.env.BENCH_EVENTS ?? 10_000));
    const cpu = cpuSeconds(pid) - cpuBefore;
    console.log(`telemetry: ${telemetry.loads.map((entry) => `${entry.stack} ${entry.result.rps.toFixed(0)}/s × ${entry.eventsPerRequest}`).join(" + ")}`);
    console.log(`  ${telemetry.eventsPerSecond.toFixed(0)} events/s received, ${telemetry.received} of the ${telemetry.expected} the app reported for ${telemetry.requestsSeen} requests (${telemetry.answered} answered before the generators stopped; ${telemetry.expected - telemetry.received} lost, ${telemetry.dropped} counted dropped), p50 ${ms(telemetry.p50Ms)}, p95 ${ms(telemetry.p95Ms)}`);
    console.log(`  the server's CPU over the window: ${cpu.toFixed(2)} s, ${((cpu * 1e6) / Math.max(1, telemetry.received)).toFixed(1)} µs per event received`);
  }
} finally {
  console.log(`load average at the end: ${load()}`);
  await app.stop();
}
