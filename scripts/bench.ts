// `npm run bench`: starts the app as a user would and prints the figures the issues ask to measure.
import os from "node:os";
import { serverPid } from "./bench/app";
import { measureBrowser } from "./bench/browser";
import { measureArchitectureSwitch, measureSideBySide } from "./bench/compare";
import { measureGuards } from "./bench/guards";
import { measureBacklogDrain, measureBrokerReturn, measureReplicaDeath } from "./bench/recovery";
import { measureTutorial } from "./bench/tutorial";
import { measureClassroom } from "./bench/classroom";
import { measureGatewayHop, measureMemory, measureRedeploy, measureStartup, measureTelemetry } from "./bench/runtime";

const port = Number(process.env.BENCH_PORT ?? 3300);
const print = (lines: string[]) => lines.forEach((line) => console.log(`  ${line}`));

console.log(`Architecture Sandbox benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log("Run after a build (npm run setup). Figures vary with what else the machine is doing.\n");

const { app, figures } = await measureStartup(port);
try {
  console.log("Runtime");
  print(figures);
  const pid = serverPid(app);
  print(measureMemory(app, pid).map((line, i) => (i === 0 ? `${line}, idle` : line)));
  print(await measureGatewayHop(app));
  print(await measureGuards());
  print(await measureRedeploy(app));
  print(await measureTelemetry(app));
  print(measureMemory(app, pid).map((line, i) => (i === 0 ? `${line}, after the load` : line)));

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
} finally {
  await app.stop();
}

// On an app of its own, in classroom mode.
console.log("\nClassroom (200 requests/s of traffic; viewers are socket.io clients following the presenter)");
print(await measureClassroom(port + 1));
