// The monolith against the microservices: the same traffic on both at once, their latency and memory, and how
// long switching the architecture takes.
import type { TrafficView } from "../../lib/contract/control";
import type { Metrics } from "../../lib/contract/control";
import { ms, waitFor, type RunningApp } from "./app";
import { control } from "./control";

export async function measureArchitectureSwitch(app: RunningApp): Promise<string[]> {
  const lines: string[] = [];
  for (const architecture of ["monolith", "both", "microservices", "both"] as const) {
    const started = performance.now();
    await control(app, "POST", "/api/sandbox/architecture", { architecture });
    lines.push(`switch to ${architecture}: ${ms(performance.now() - started)}`);
  }
  return [`time to switch architecture (until everything wanted is healthy): ${lines.join("; ")}`];
}

/** Needs both stacks running. The same mix at `rps` on each, for `seconds`. */
export async function measureSideBySide(app: RunningApp, rps = 100, seconds = 20): Promise<string[]> {
  await control(app, "POST", "/api/traffic", { rps, durationS: seconds });
  const view = await waitFor("the traffic to end", async () => {
    const { traffic } = await control<{ traffic: TrafficView }>(app, "GET", "/api/traffic");
    return traffic.running ? undefined : traffic;
  }, (seconds + 30) * 1000, 250);
  const metrics = await control<Metrics>(app, "GET", "/api/metrics");
  const lines = view.stacks.map((stack) => `${stack.stack.padEnd(13)} ${stack.sent} requests (${stack.failed} failed, ${stack.ordersAccepted} orders): p50 ${ms(stack.p50Ms ?? NaN)}, p95 ${ms(stack.p95Ms ?? NaN)}`);
  const [micro, mono] = ["microservices", "monolith"].map((id) => view.stacks.find((stack) => stack.stack === id));
  if (micro?.p50Ms && mono?.p50Ms && micro.p95Ms && mono.p95Ms) lines.push(`ratio microservices / monolith: p50 ${(micro.p50Ms / mono.p50Ms).toFixed(2)}×, p95 ${(micro.p95Ms / mono.p95Ms).toFixed(2)}×`);
  for (const stack of metrics.stacks) lines.push(`memory of the ${stack.stack}: ${(stack.rssBytes / 2 ** 20).toFixed(0)} MB in ${stack.processes} processes`);
  return [`the same mix at ${rps} requests/s on both stacks at once for ${seconds} s (latency seen by the traffic generator over its last 5 s, failures excluded):`, ...lines.map((line) => `  ${line}`)];
}
