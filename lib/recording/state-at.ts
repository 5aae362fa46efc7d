// Rebuilds the sandbox's state at a moment of a recording: the nearest snapshot at or before it, with the lifecycle
// events after it applied to the services' instances (status, pid, version). "After it" is by the events' numbers when
// the snapshot has one: a state read in the same millisecond as a move it came before must still get that move. Pure.
import type { SandboxState, ServiceView } from "../contract/control";
import type { NumberedEvent } from "../contract/events";
import type { RecordedSnapshot } from "../contract/recording";
import { isAlive, stackStatusOf } from "../contract/lifecycle";

const RANK = ["healthy", "unhealthy", "starting", "stopping", "crashed", "stopped"] as const;

/** The state at `at`, or null when the recording starts after it. */
export function stateAt(snapshots: readonly RecordedSnapshot[], events: readonly NumberedEvent[], at: number): SandboxState | null {
  let base: RecordedSnapshot | undefined;
  for (const snapshot of snapshots) if (snapshot.at <= at) base = snapshot;
  if (!base) return null;
  const state: SandboxState = structuredClone(base.state);
  const inBase = base.seq === undefined ? (event: NumberedEvent) => event.ts <= base!.at : (event: NumberedEvent) => event.seq <= base!.seq!;
  for (const event of events) {
    if (event.type !== "lifecycle" || event.ts > at || inBase(event)) continue;
    const service = state.services.find((candidate) => candidate.id === event.service && candidate.stack === event.stack);
    if (!service) continue;
    let instance = service.instances.find((candidate) => candidate.instanceId === event.instanceId);
    if (!instance) service.instances.push((instance = { instanceId: event.instanceId, status: event.from, pid: event.pid, port: null, version: event.version, startedAt: event.ts }));
    // A process that has gone has no pid any more, whatever the event that saw it go carried.
    Object.assign(instance, { status: event.to, pid: isAlive(event.to) ? event.pid : null, version: event.version });
    summarise(service, event.reason);
  }
  // The stacks' statuses follow their services', as the sandbox's own do: a stack whose process was killed since the
  // snapshot is not still "running".
  for (const stack of state.stacks) stack.status = stackStatusOf(state.services.filter((service) => service.stack === stack.id));
  return state;
}

/** A service's own figures follow its instances, as the supervisor's views do. */
function summarise(service: ServiceView, reason: string): void {
  const alive = service.instances.filter((instance) => isAlive(instance.status));
  if (alive.length > 0) service.instances = alive;
  else service.instances = service.instances.slice(-1);
  service.status = RANK.find((status) => service.instances.some((instance) => instance.status === status)) ?? "stopped";
  const primary = service.instances.find((instance) => instance.status === "healthy") ?? service.instances[0];
  service.pid = primary?.pid ?? null;
  service.version = Math.max(service.version, primary?.version ?? service.version);
  service.reason = reason;
}
