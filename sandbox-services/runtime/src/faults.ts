// The faults in force in this process, and how each one bites: on requests answered, calls made and jobs processed.
import type { Fault } from "../../../lib/contract/faults";
import type { StackId } from "../../../lib/contract/events";
import { HttpError } from "./errors";

let faults: Fault[] = [];
let stack: StackId = "microservices";

/** The supervisor sends the whole list whenever it changes; this process keeps what concerns its stack. */
export function setFaults(next: Fault[], ownStack: StackId): void {
  stack = ownStack;
  faults = next.filter((fault) => !fault.stack || fault.stack === ownStack);
}

const of = (module: string, type: Fault["type"]) => faults.filter((fault) => fault.service === module && fault.type === type);

/** Blocks the event loop: nothing else in this process runs meanwhile, which is the point of the fault. */
function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs before `module` handles a request (a route of a service, or a module call inside the monolith):
 * cpu-hog blocks, latency waits, errors fails a share of requests with a 500.
 */
export async function beforeHandling(module: string): Promise<void> {
  for (const fault of of(module, "cpu-hog")) blockFor(fault.ms ?? 0);
  const delay = of(module, "latency").reduce((sum, fault) => sum + (fault.ms ?? 0), 0);
  if (delay > 0) await sleep(delay);
  for (const fault of of(module, "errors")) {
    if (Math.random() >= (fault.rate ?? 0)) continue;
    // A hidden fault is for the learner to find: its failure reads like any other.
    throw new HttpError(500, fault.hidden ? `${module} failed to handle the request` : `${module} failed (an injected errors fault answers ${Math.round((fault.rate ?? 0) * 100)}% of requests with 500)`);
  }
}

/** Whether calls between `a` and `b` are cut by a partition, in either direction. Only between processes. */
export function partitioned(a: string, b: string): boolean {
  if (stack !== "microservices") return false;
  return faults.some((fault) => fault.type === "partition" && ((fault.service === a && fault.peer === b) || (fault.service === b && fault.peer === a)));
}

/** Runs before `module` processes a queue job (or an in-process event): cpu-hog blocks, slow-consumer waits. */
export async function beforeConsuming(module: string): Promise<void> {
  for (const fault of of(module, "cpu-hog")) blockFor(fault.ms ?? 0);
  const delay = of(module, "slow-consumer").reduce((sum, fault) => sum + (fault.ms ?? 0), 0);
  if (delay > 0) await sleep(delay);
}
