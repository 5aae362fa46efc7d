// What a refused request must leave unchanged, read from the control API and the shop's own databases: services
// (status, pid, version, replicas, policy), faults, traffic, resilience, scenarios, and every table's rows.
import type { RunningApp } from "./app";
import { databaseDigest } from "./databases";
import { requestJson } from "./http";

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
    data: databaseDigest(app.dataDir),
  };
}
