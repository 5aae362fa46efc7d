// The figures of the goals table (start-up, memory, the gateway's hop, redeploy, throughput, telemetry), measured on
// the running app, each recorded beside its goal and the in-run baseline (a bare Node server and a bare proxy measured
// just before the app started).
import { control } from "./control";
import { recordGoal } from "./goals";
import { ms, type RunningApp } from "./app";
import type { Baseline } from "./baseline";
import { autocannon, perSecond, type LoadResult } from "./load";
import { mb, measureMemory, measureRedeploy, memoryLine } from "./runtime";
import { measureSoak } from "./soak";
import { DRIVE_PER_SERVICE, measureTelemetryDrive, measureTelemetryLoad } from "./telemetry-load";
import { measureHop, measureMicroservicesThroughput, measureMonolithThroughput } from "./throughput";
import { state } from "./control";
import { STOREFRONT_ROUTES, storefrontPath } from "../../lib/contract/storefront-paths";

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Run on the microservices stack just started; leaves it running as it found it. */
/** `say` prints a line as soon as it is measured: the whole takes minutes. */
export async function measureGoalFigures(app: RunningApp, serverPid: number, baseline: Baseline, startupMs: number, soakSeconds: number, say: (line: string) => void): Promise<void> {
  const bare = mb(baseline.serverRssBytes);
  recordGoal("`npm start` → every service healthy", "≤ 2 s", ms(startupMs), `one bare Node server spawned → listening: ${ms(baseline.startMs)} (${ratio(startupMs, baseline.startMs)})`, startupMs <= 2_000);
  say(`npm start → every service healthy: ${ms(startupMs)} (a bare Node server: ${ms(baseline.startMs)})`);

  const idle = measureMemory(serverPid);
  say(`whole sandbox resident memory, idle: ${memoryLine(idle)}`);
  const services = idle.each.filter((entry) => entry.name.endsWith("-service") || entry.name === "api-gateway");
  const perService = services.reduce((sum, entry) => sum + entry.bytes, 0) / Math.max(1, services.length);
  const largestIdle = [...services].sort((a, b) => b.bytes - a.bytes)[0];
  say(`each service idle, with its SQLite database open: ${services.map((entry) => `${entry.name} ${mb(entry.bytes)}`).join(", ")}`);
  recordGoal("every service's resident memory, idle", "≤ 60 MB each", `largest ${largestIdle.name} ${mb(largestIdle.bytes)}`, `a bare Node server ${bare}`, services.every((entry) => entry.bytes <= 60 * 2 ** 20));
  recordGoal("whole sandbox resident memory, idle", "≤ 550 MB", mb(idle.totalBytes), `a bare Node server ${bare}; a service on average ${mb(perService)} (${ratio(perService, baseline.serverRssBytes)})`, idle.totalBytes <= 550 * 2 ** 20);

  const hop = await measureHop(app);
  const hopMs = hop.viaGatewayP50Ms - hop.directP50Ms;
  const bareHopMs = baseline.proxiedP50Ms - baseline.directP50Ms;
  say(`GET products from product-service alone: p50 ${ms(hop.directP50Ms)}, p95 ${ms(hop.directP95Ms)}; through api-gateway: p50 ${ms(hop.viaGatewayP50Ms)}, p95 ${ms(hop.viaGatewayP95Ms)}`);
  say(`one gateway hop adds at p50: ${ms(hopMs)} (a bare proxy's hop: ${ms(bareHopMs)}: ${ms(baseline.directP50Ms)} → ${ms(baseline.proxiedP50Ms)})`);
  recordGoal("one gateway hop added at p50", "≤ 1 ms", ms(hopMs), `a bare keep-alive proxy's hop ${ms(bareHopMs)} (${ratio(hopMs, bareHopMs)})`, hopMs <= 1);

  const redeploy = await measureRedeploy(app);
  say(`recreate redeploy of product-service until the new instance is healthy, each from a settled service: p50 ${ms(redeploy.p50Ms)}, max ${ms(redeploy.maxMs)} over ${redeploy.rounds}; back to back: p50 ${ms(redeploy.backToBackP50Ms)}`);
  recordGoal("recreate redeploy of one service, p50", "≤ 0.3 s", `${ms(redeploy.p50Ms)} (back to back ${ms(redeploy.backToBackP50Ms)})`, `one bare Node server spawned → listening: ${ms(baseline.startMs)} (${ratio(redeploy.p50Ms, baseline.startMs)})`, redeploy.p50Ms <= 300);


  // 1,000 requests/s through the gateway for 10 s, then the whole sandbox's memory.
  const busy = await autocannon(`${(await state(app)).stacks.find((stack) => stack.id === "microservices")!.storefrontUrl}${storefrontPath(STOREFRONT_ROUTES.products)}`, { rate: 1_000, seconds: 10, connections: 20 });
  const afterLoad = measureMemory(serverPid);
  say(`after ${perSecond(busy.rps)} through the gateway for 10 s (${busy.requests - busy.ok} not 2xx): ${memoryLine(afterLoad)}`);
  recordGoal("same, after 1,000 requests/s", "≤ 650 MB", `${mb(afterLoad.totalBytes)} (at ${perSecond(busy.rps)})`, `idle ${mb(idle.totalBytes)} (+${mb(afterLoad.totalBytes - idle.totalBytes)})`, afterLoad.totalBytes <= 650 * 2 ** 20 && busy.rps >= 950);

  const soak = await measureSoak(app, serverPid, 300, soakSeconds);
  const largest = soak.atEnd.filter((entry) => entry.name !== "server" && !entry.name.startsWith("redis")).sort((a, b) => b.bytes - a.bytes);
  say(`after ${soakSeconds} s at 300 requests/s of the shoppers' mix (${soak.sent} sent, ${soak.failed} failed): ${largest.map((entry) => `${entry.name} ${mb(entry.bytes)}`).join(", ")}`);
  recordGoal(`largest service after ${soakSeconds} s at 300 requests/s`, "every service ≤ 100 MB", `${largest[0].name} ${mb(largest[0].bytes)}`, `a bare Node server ${bare} (${ratio(largest[0].bytes, baseline.serverRssBytes)})`, largest[0].bytes <= 100 * 2 ** 20);

  // The monolith runs beside the microservices for the rest: its throughput, and telemetry from both entries.
  await control(app, "POST", "/api/sandbox/architecture", { architecture: "both" });
  // Back to back, twice, the best of each: on a shared machine a single run says more about the moment than the path.
  const best = (a: LoadResult, b: LoadResult) => (a.rps >= b.rps ? a : b);
  let micro = await measureMicroservicesThroughput(app, 8);
  let monolith = await measureMonolithThroughput(app, 8);
  const again = await measureMicroservicesThroughput(app, 8);
  micro = { product: best(micro.product, again.product), gateway: best(micro.gateway, again.gateway) };
  monolith = best(monolith, await measureMonolithThroughput(app, 8));
  say(`GET /api/products, autocannon 20 connections, best of two: product-service alone ${perSecond(micro.product.rps)} (p50 ${micro.product.p50Ms} ms), through api-gateway ${perSecond(micro.gateway.rps)} (p50 ${micro.gateway.p50Ms} ms), the monolith ${perSecond(monolith.rps)} (p50 ${monolith.p50Ms} ms)`);
  say(`  bare server ${perSecond(baseline.directRps)}, through a bare proxy ${perSecond(baseline.proxiedRps)} (${ratio(baseline.proxiedRps, baseline.directRps)})`);
  const share = micro.gateway.rps / monolith.rps;
  recordGoal(
    "`GET /api/products`, most requests/s: api-gateway / monolith / product-service alone",
    "gateway ≥ 1/3 of the monolith",
    `${perSecond(micro.gateway.rps)} / ${perSecond(monolith.rps)} / ${perSecond(micro.product.rps)}: gateway = ${share.toFixed(2)} of the monolith`,
    `bare server ${perSecond(baseline.directRps)}, through a bare proxy ${perSecond(baseline.proxiedRps)} (${(baseline.proxiedRps / baseline.directRps).toFixed(2)})`,
    share >= 1 / 3,
  );

  // Driven directly through two services: the pipeline's own capacity, which the generators below cannot reach here.
  const drive = await measureTelemetryDrive(app);
  const driveLost = drive.expected - drive.received;
  say(`telemetry driven through ${drive.services.join(" and ")} (SIGUSR2, ${drive.services.length} × ${DRIVE_PER_SERVICE.perSecond.toLocaleString("en-US")} events/s for ${DRIVE_PER_SERVICE.seconds} s): ${perSecond(drive.eventsPerSecond)} received by a socket.io client`);
  say(`  ${drive.received} events received of the ${drive.expected} driven: ${driveLost} lost; the sandbox counted ${drive.dropped} dropped; from the service to the client p50 ${ms(drive.p50Ms)}, p95 ${ms(drive.p95Ms)}, p99 ${ms(drive.p99Ms)}`);
  recordGoal(
    "telemetry delivered to a socket.io client, no loss",
    "≥ 10,000 events/s, p95 ≤ 100 ms",
    `${perSecond(drive.eventsPerSecond)}, ${driveLost} lost, p95 ${ms(drive.p95Ms)} (driven through ${drive.services.length} services)`,
    "the shoppers' requests below, as far as two generators go",
    drive.eventsPerSecond >= 10_000 && driveLost <= 0 && drive.dropped === 0 && drive.p95Ms <= 100,
  );

  // The same pipeline fed by real shoppers' requests from every running stack's entry, as far as the generators reach.
  const telemetry = await measureTelemetryLoad(app);
  const lost = telemetry.expected - telemetry.received;
  say(`telemetry: ${telemetry.loads.map((load) => `${load.stack} ${perSecond(load.result.rps)} × ${load.eventsPerRequest} events`).join(" + ")} → ${perSecond(telemetry.eventsPerSecond)} received by a socket.io client`);
  const inFlight = Math.max(0, telemetry.requestsSeen - telemetry.answered);
  say(`  ${telemetry.received} events received of the ${telemetry.expected} the app reported for ${telemetry.requestsSeen} requests (${telemetry.answered} answered before the generators stopped, ${inFlight} in flight then): ${lost} lost; the sandbox counted ${telemetry.dropped} dropped; from the call to the client p50 ${ms(telemetry.p50Ms)}, p95 ${ms(telemetry.p95Ms)}`);
  recordGoal(
    "same, fed by shoppers' requests",
    "(context)",
    `${perSecond(telemetry.eventsPerSecond)}, ${lost} lost, p95 ${ms(telemetry.p95Ms)}`,
    `${telemetry.loads.length} generators at ${telemetry.loads.map((load) => perSecond(load.result.rps)).join(" + ")} requests`,
    undefined,
  );
  await control(app, "POST", "/api/sandbox/architecture", { architecture: "microservices" });
}
