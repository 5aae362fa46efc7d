// What a refused request must leave unchanged, read from the control API and the shop's own data files: services
// (status, pid, version, replicas, policy), faults, traffic, resilience, scenarios, and every stored document.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { RunningApp } from "./app";
import { requestJson } from "./http";

/** Every file of the shop's data with its size: a write anywhere (an account, an order, a placement) shows. */
function dataFiles(dir: string): Record<string, number> {
  const files: Record<string, number> = {};
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".jsonl") || entry.name.endsWith(".inflight")) files[path.relative(dir, full)] = statSync(full).size;
    }
  };
  walk(path.join(dir, "microservices"));
  walk(path.join(dir, "monolith"));
  return files;
}

export async function fingerprint(app: RunningApp): Promise<unknown> {
  const state = await app.state();
  const [faults, traffic, scenarios] = await Promise.all(["/api/faults", "/api/traffic", "/api/scenarios"].map(async (route) => (await requestJson(`${app.origin}${route}`, { headers: app.readHeaders })).body));
  return {
    architecture: state.architecture,
    services: state.services.map(({ id, status, pid, version, replicas, restartPolicy }) => ({ id, status, pid, version, replicas, restartPolicy })),
    resilience: state.resilience,
    faults,
    traffic: { running: (traffic as { traffic: { running?: boolean } }).traffic.running },
    scenarios,
    data: dataFiles(app.dataDir),
  };
}
