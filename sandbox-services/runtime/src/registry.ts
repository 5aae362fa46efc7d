// Where the other services are right now, as the supervisor last told us; picks an instance per call.
import type { Registry } from "../../../lib/contract/ipc";

let registry: Registry = {};
const nextIndex = new Map<string, number>();

export function setRegistry(next: Registry): void {
  registry = next;
}

/** The base URL of one healthy instance of `service`, taking turns between replicas; undefined when none. */
export function resolve(service: string): string | undefined {
  const urls = registry[service];
  if (!urls || urls.length === 0) return undefined;
  const index = (nextIndex.get(service) ?? 0) % urls.length;
  nextIndex.set(service, index + 1);
  return urls[index];
}
