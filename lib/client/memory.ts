// Resident memory on the graph: per process box (a service's instances, or the monolith's copies) and per stack,
// read from GET /api/metrics, and said in words a learner can check ("73 MB", "×3 = 210 MB").
import type { Metrics } from "../contract/control";
import type { StackId } from "../contract/events";

export interface ProcessMemory {
  /** Resident memory of every process behind the box, added up. */
  rssBytes: number;
  /** How many processes that is (instances of a service, copies of the monolith, plus redis for the microservices). */
  processes: number;
}

export interface MemoryView {
  /** Keyed by service id as /api/metrics gives it ("product-service", "redis", "monolith"). */
  services: Readonly<Record<string, ProcessMemory>>;
  stacks: Readonly<Partial<Record<StackId, ProcessMemory>>>;
}

export const noMemory: MemoryView = { services: {}, stacks: {} };

/**
 * The memory per process box and per stack. A stack's figure is the sum of its processes' (computed here, not read
 * from `stacks[]`, so the graph's boxes and its stack total always add up); the monolith's modules have no process
 * of their own and so no memory of their own.
 */
export function memoryOf(metrics: Pick<Metrics, "services">): MemoryView {
  const services: Record<string, ProcessMemory> = {};
  const stacks: Partial<Record<StackId, ProcessMemory>> = {};
  for (const service of metrics.services) {
    if (service.processes <= 0) continue;
    services[service.id] = { rssBytes: service.rssBytes, processes: service.processes };
    const total = stacks[service.stack] ?? { rssBytes: 0, processes: 0 };
    stacks[service.stack] = { rssBytes: total.rssBytes + service.rssBytes, processes: total.processes + service.processes };
  }
  return { services, stacks };
}

const MIB = 1024 * 1024;

/** "73 MB", "1.20 GB". */
export function formatBytes(bytes: number): string {
  const mb = bytes / MIB;
  return mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${Math.round(mb)} MB`;
}

/** One process: "73 MB"; several copies of the same thing: "×3 = 210 MB", so the cost of scaling reads at once. */
export function formatCopiesMemory(memory: ProcessMemory): string {
  return memory.processes > 1 ? `×${memory.processes} = ${formatBytes(memory.rssBytes)}` : formatBytes(memory.rssBytes);
}

/** A stack's total: "8 processes · 560 MB". */
export function formatStackMemory(memory: ProcessMemory): string {
  return `${memory.processes} ${memory.processes === 1 ? "process" : "processes"} · ${formatBytes(memory.rssBytes)}`;
}
