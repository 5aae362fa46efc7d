// How a process box says its instances (a scaled service's, or the monolith's whole copies) while it is being
// scaled: as progress towards what was asked ("starting 2 of 3"), never as a count that looks wrong.
import type { InstanceView, ServiceView } from "../contract/control";

/** The words for a scaling in progress, or null when the instances are as asked and all ready. */
export function scalingProgress(service: Pick<ServiceView, "replicas" | "instances" | "status">): string | null {
  if (service.status === "stopped" || service.status === "crashed") return null;
  const ready = service.instances.filter((instance) => instance.status === "healthy").length;
  const wanted = service.replicas;
  if (service.instances.length > wanted) return `stopping ${service.instances.length - wanted} of ${service.instances.length}`;
  if (ready < wanted && wanted > 1) return `starting ${wanted - ready} of ${wanted}`;
  return null;
}

/** The instances to list on the box: every one that exists, then a placeholder for each still to come. */
export function instanceSlots(service: Pick<ServiceView, "replicas" | "instances">): Array<Pick<InstanceView, "instanceId" | "status" | "pid">> {
  const missing = Math.max(0, service.replicas - service.instances.length);
  return [
    ...service.instances,
    ...Array.from({ length: missing }, (_, index) => ({ instanceId: `to-come-${index}`, status: "starting" as const, pid: null })),
  ];
}
