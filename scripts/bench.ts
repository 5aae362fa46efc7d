// `npm run bench`: starts the app as a user would and prints what it measures: the runtime's goals, recovery, the live
// page, both architectures, the lessons, Rewind and the classroom.
import os from "node:os";
import { serverPid, type RunningApp } from "./bench/app";
import { measureBrowser } from "./bench/browser";
import { measureArchitectureSwitch, measureSideBySide } from "./bench/compare";
import { measureGuards } from "./bench/guards";
import { measureBacklogDrain, measureBrokerReturn, measureReplicaDeath } from "./bench/recovery";
import { measureTutorial } from "./bench/tutorial";
import { measureStartup } from "./bench/runtime";
import { measureBaseline } from "./bench/baseline";
import { measureDatabases } from "./bench/databases";
import { goalsTable } from "./bench/goals";
import { measureGoalFigures } from "./bench/goal-figures";
import { measureClassroom } from "./bench/classroom";
import { measureRecording } from "./bench/recording";
import { recordingOnly } from "./bench/recording-only";
import { DRIVE_ENV } from "./bench/telemetry-load";

const port = Number(process.env.BENCH_PORT ?? 3300);
const print = (lines: string[]) => lines.forEach((line) => console.log(`  ${line}`));

console.log(`Architecture Sandbox benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log("Run after a build (npm run setup). Figures vary with what else the machine is doing.\n");

/** BENCH_ONLY=goals measures the goals table and stops; BENCH_SOAK_S shortens the 3-minute soak. */
const only = process.env.BENCH_ONLY;
const soakSeconds = Number(process.env.BENCH_SOAK_S ?? 180);
const loadAtStart = os.loadavg();

/** BENCH_ONLY=recording measures only Rewind and saved runs, on an app of their own, and stops. */
if (only === "recording") {
  await recordingOnly(port);
  process.exit(0);
}

console.log("Baseline: a bare Node HTTP server and a bare keep-alive proxy in front of it, measured now");
const baseline = await measureBaseline();
print([`bare server: ${(baseline.serverRssBytes / 2 ** 20).toFixed(0)} MB resident idle, ${baseline.startMs.toFixed(0)} ms spawned → listening, ${baseline.directRps.toFixed(0)} requests/s; through the bare proxy ${baseline.proxiedRps.toFixed(0)} requests/s, hop p50 ${(baseline.proxiedP50Ms - baseline.directP50Ms).toFixed(2)} ms`]);

/** Everything measured after the goals: recovery, the live page, both architectures, lessons, Rewind. */
async function measureTheRest(app: RunningApp): Promise<void> {
  console.log("\nThe live screen in headless Chromium (200 requests/s on the microservices stack)");
  print(await measureBrowser(app.baseUrl));

  console.log("\nRecovery");
  print(await measureBacklogDrain(app));
  print(await measureBrokerReturn(app));
  print(await measureReplicaDeath(app));

  console.log("\nMonolith and microservices");
  print(await measureArchitectureSwitch(app));
  print(await measureSideBySide(app));

  console.log("\nGuided lessons");
  print(await measureTutorial(app.baseUrl));

  console.log("\nRewind and saved runs (BENCH_RECORDING_MINUTES of traffic, 1 by default)");
  print(await measureRecording(app));
}

const { app, ms: startupMs, pageMs } = await measureStartup(port, DRIVE_ENV);
try {
  console.log("\nThe runtime's goals: start-up, memory, the gateway's hop, redeploy, throughput, telemetry");
  await measureGoalFigures(app, serverPid(app), baseline, startupMs, soakSeconds, (line) => print([line]));
  console.log("\nThe services' databases");
  print(await measureDatabases(app));
  print([`npm start → the first page served: ${pageMs.toFixed(0)} ms (Next prepares while the services start)`]);
  print(await measureGuards());
  if (only !== "goals") await measureTheRest(app);
  console.log("");
  goalsTable(loadAtStart).forEach((line) => console.log(line));
} finally {
  await app.stop();
}

// On an app of its own, in classroom mode.
console.log("\nClassroom (200 requests/s of traffic; viewers are socket.io clients following the presenter)");
print(await measureClassroom(port + 1));
