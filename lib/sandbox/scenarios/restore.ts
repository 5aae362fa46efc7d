// What a scenario may change, taken down before it starts and put back when it ends: the architecture, each
// service's replicas, which services run, the traffic, the faults in force and the resilience settings.
import type { TrafficBody } from "../../contract/control";
import type { FaultBody } from "../../contract/faults";
import type { Resilience } from "../../contract/resilience";
import type { Architecture } from "../../contract/services";
import type { Sandbox } from "../sandbox";
import type { TrafficControl } from "../traffic/traffic-control";

export interface SandboxBefore {
  architecture: Architecture;
  /** Replicas of every managed service of the stacks running before. */
  replicas: Map<string, number>;
  /** Services that were already stopped or crashed: they are not started by the restore. */
  down: Set<string>;
  traffic: TrafficBody | null;
  /** When the traffic running before was due to stop by itself (ms since the epoch), if it was. */
  trafficEndsAt: number | null;
  faults: FaultBody[];
  resilience: Resilience;
}

export function takeBefore(sandbox: Sandbox, traffic: TrafficControl): SandboxBefore {
  const state = sandbox.state();
  const managed = state.services.filter((service) => service.managed);
  const view = traffic.view();
  return {
    architecture: state.architecture,
    replicas: new Map(managed.map((service) => [service.id, service.replicas])),
    down: new Set(managed.filter((service) => service.status === "stopped" || service.status === "crashed").map((service) => service.id)),
    traffic: view.running ? { rps: view.rps, ...(view.stacks.length === 1 ? { stack: view.stacks[0].stack } : {}) } : null,
    trafficEndsAt: view.running ? view.endsAt : null,
    faults: state.faults.map(({ id: _id, createdAt: _createdAt, ...body }) => body),
    resilience: state.resilience,
  };
}

/**
 * Puts the sandbox back as `before` says, in an order that works: traffic off, faults and resilience back, the
 * architecture back, services that were running started again (the broker first), replicas back, and the traffic
 * that ran before started again. Every step is tried; what could not be done is returned in words.
 */
export async function putBack(sandbox: Sandbox, traffic: TrafficControl, before: SandboxBefore, now = Date.now): Promise<string[]> {
  const problems: string[] = [];
  const attempt = async (what: string, work: () => unknown) => {
    try {
      await work();
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  traffic.stop();
  sandbox.faults.clear();
  for (const fault of before.faults) await attempt(`putting back the ${fault.type} fault on ${fault.service}`, () => sandbox.faults.add(fault));
  sandbox.setResilience(before.resilience);
  if (sandbox.architecture !== before.architecture) await attempt(`switching back to ${before.architecture}`, () => sandbox.setArchitecture(before.architecture));

  const services = () => sandbox.state().services.filter((service) => service.managed);
  const toStart = services().filter((service) => (service.status === "stopped" || service.status === "crashed") && !before.down.has(service.id));
  for (const broker of toStart.filter((service) => service.kind === "broker")) await attempt(`starting ${broker.id}`, () => sandbox.startService(broker.id));
  await Promise.all(toStart.filter((service) => service.kind !== "broker").map((service) => attempt(`starting ${service.id}`, () => sandbox.startService(service.id))));

  const rescale = services().filter((service) => before.replicas.has(service.id) && before.replicas.get(service.id) !== service.replicas);
  await Promise.all(rescale.map((service) => attempt(`scaling ${service.id} back to ${before.replicas.get(service.id)}`, () => sandbox.scale(service.id, before.replicas.get(service.id)!))));

  if (before.traffic) {
    const left = before.trafficEndsAt === null ? undefined : Math.ceil((before.trafficEndsAt - now()) / 1_000);
    if (left === undefined || left >= 1) await attempt("starting the traffic again", () => traffic.start({ ...before.traffic!, ...(left ? { durationS: Math.min(left, 3_600) } : {}) }));
  }
  return problems;
}
