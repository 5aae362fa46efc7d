// When an action on a service may be called done: once the sandbox answered and the box shows no instance still
// starting or stopping, so "done" never sits beside a box that says "stopping 1 of 2". Pure.
import type { ServiceView } from "../contract/control";

/** What the service still shows under way (e.g. "stopping 1 of 2"), or null once it has settled. */
export function stillSettling(service: Pick<ServiceView, "instances">): string | null {
  for (const status of ["stopping", "starting"] as const) {
    const count = service.instances.filter((instance) => instance.status === status).length;
    if (count > 0) return `${status} ${count} of ${service.instances.length}`;
  }
  return null;
}
