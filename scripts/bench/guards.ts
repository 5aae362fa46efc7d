// What "who may act" costs a hop: the app's same-origin check (Host, Origin, content type) on each request it
// receives, and a service's check of its stack's key on each call between services, timed on realistic headers.
import { loopbackHosts, sameOriginPolicy } from "../../lib/sandbox/http/same-origin";
import { percentile } from "./app";
import { SERVICE_KEY_HEADER, serviceKeyCheck } from "../../sandbox-services/runtime/src/service-key";

/** Calls per timed batch: one check takes far less than the timer's resolution. */
const BATCH = 1_000;

function perCallMs(batches: number, run: () => boolean): number[] {
  const times: number[] = [];
  let kept = 0;
  for (let batch = 0; batch < batches; batch++) {
    const started = performance.now();
    for (let i = 0; i < BATCH; i++) if (run()) kept++;
    times.push((performance.now() - started) / BATCH);
  }
  if (kept === 0) throw new Error("the checks refused every request: the benchmark's headers are wrong");
  return times;
}

export async function measureGuards(batches = 400): Promise<string[]> {
  const port = 3000;
  const policy = sameOriginPolicy(loopbackHosts(port));
  const secret = "a".repeat(64);
  const check = serviceKeyCheck(secret);
  const pageHeaders = { host: `localhost:${port}`, origin: `http://localhost:${port}`, "content-type": "application/json", accept: "*/*", "user-agent": "Mozilla/5.0" };
  const serviceHeaders: Record<string, string> = { host: "127.0.0.1:40123", "content-type": "application/json", "x-sandbox-from": "api-gateway", [SERVICE_KEY_HEADER]: secret };
  const sameOrigin = perCallMs(batches, () => policy.request("POST", pageHeaders) === undefined);
  const key = perCallMs(batches, () => check(serviceHeaders[SERVICE_KEY_HEADER]));
  const both = sameOrigin.map((value, i) => value + key[i]);
  const µs = (values: number[]) => `${(percentile(values, 50) * 1000).toFixed(2)} µs`;
  return [`same-origin and service-key checks, added to one hop at p50: ${µs(both)} (same-origin ${µs(sameOrigin)}, key ${µs(key)}; goal ≤ 100 µs)`];
}
