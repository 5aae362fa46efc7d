// How a new version of a service replaces the old one: recreate (everything old stops, then the new starts: a gap)
// and rolling (one new instance at a time beside the old, rolled back when a new one never gets healthy).
import { isAlive } from "../../contract/lifecycle";
import type { Instance } from "./instance";
import type { ManagedService } from "./managed-service";

/** What a deploy needs from the supervisor that runs it. */
export interface DeployHost {
  /** Starts one new instance at `version`; resolves once it is healthy or has failed to get there. */
  launch(service: ManagedService, version: number): Promise<Instance>;
  /** Starts instances at the service's current version until its replicas are alive. */
  fillReplicas(service: ManagedService): Promise<void>;
  /** Takes an instance out of the registry, lets callers notice, then stops it gracefully. */
  retire(instance: Instance, reason: string): Promise<void>;
  /** Forgets dead instances (keeping the last when none is alive). */
  prune(service: ManagedService): void;
  /** Whether the service serves now: a healthy instance in the registry, or a healthy broker. */
  isUp(service: ManagedService): boolean;
}

/** Recreate: every old instance stops, then the next version starts. The gap between is the downtime. */
export async function recreate(host: DeployHost, service: ManagedService, strategy: "recreate" | "rolling"): Promise<void> {
  await Promise.all(service.instances.map((instance) => instance.stop("replaced by a redeploy")));
  service.version++;
  service.crashStreak = 0;
  service.instances = [];
  await host.fillReplicas(service);
  const up = host.isUp(service);
  service.lastDeploy = { strategy, version: service.version, outcome: up ? "succeeded" : "failed", at: Date.now(), reason: up ? `v${service.version} is running` : `v${service.version} did not become healthy: the service is down` };
}

/**
 * Rolling: one new instance at a time starts next to the old ones; only once it is healthy does it take traffic and
 * an old one retire. A new instance that never gets healthy is removed and the old version keeps serving: the deploy
 * is rolled back.
 */
export async function rolling(host: DeployHost, service: ManagedService): Promise<void> {
  const version = service.version + 1;
  const old = service.instances.filter((instance) => isAlive(instance.status));
  const fresh: Instance[] = [];
  for (let i = 0; i < Math.max(1, service.replicas); i++) {
    const instance = await host.launch(service, version);
    fresh.push(instance);
    if (instance.status !== "healthy") return rollBack(host, service, fresh, version, instance.reason);
    const retiring = old.shift();
    if (retiring) await host.retire(retiring, `replaced by v${version}`);
  }
  await Promise.all(old.map((instance) => host.retire(instance, `replaced by v${version}`)));
  service.version = version;
  service.crashStreak = 0;
  host.prune(service);
  service.lastDeploy = { strategy: "rolling", version, outcome: "succeeded", at: Date.now(), reason: `v${version} took over one instance at a time` };
}

/** The new version's instances go; the old ones, still serving, stay. */
async function rollBack(host: DeployHost, service: ManagedService, fresh: Instance[], version: number, why: string): Promise<void> {
  await Promise.all(fresh.map((candidate) => candidate.kill("rolled back: the new version did not become healthy")));
  host.prune(service);
  service.lastDeploy = { strategy: "rolling", version, outcome: "rolled-back", at: Date.now(), reason: `v${version} did not become healthy (${why}); v${service.version} keeps serving` };
}
