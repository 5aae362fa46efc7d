// Checks on the processes themselves: which kept running through the step (same pids), what a whole stack weighs,
// and one stack's weight against the other's. Read from the supervisor's state and the memory sampler.
import type { StackId } from "../contract/events";
import type { PredicateSpec } from "../contract/lessons";
import { contradicted, megabytes, outcome, type CheckInput, type CheckOutcome } from "./check-input";

type Spec<N extends PredicateSpec["is"]> = Extract<PredicateSpec, { is: N }>;

/** Every process of the stack, but those of `except`, has the pid it had when the step opened. */
export function processesKept(spec: Spec<"processesKept">, input: CheckInput): CheckOutcome {
  const label = `every other ${spec.stack} process kept running (same pid) through the step`;
  if (!input.opening) return outcome(false, label, "the step's opening was not recorded");
  const services = input.state.services.filter((service) => service.stack === spec.stack && !spec.except.includes(service.id));
  const changed = services.filter((service) => {
    const then = input.opening!.pids[service.id];
    const now = service.instances.map((instance) => instance.pid);
    return then === undefined || then.join(",") !== now.join(",");
  });
  const figures = { kept: services.length - changed.length, of: services.length };
  if (changed.length === 0) return outcome(true, label, "", figures);
  return contradicted(label, `${changed.map((service) => service.id).join(", ")} got a new process during the step`, figures);
}

/** What a stack's processes hold in memory, added up, and how many they are. */
function stackWeight(stack: StackId, input: CheckInput): { bytes: number; processes: number } {
  const services = input.metrics?.services.filter((service) => service.stack === stack) ?? [];
  return { bytes: services.reduce((sum, service) => sum + service.rssBytes, 0), processes: services.reduce((sum, service) => sum + service.processes, 0) };
}

/** The stack's processes' resident memory, added up, what it gained since the step opened, and (when asked) that it is below the other stack's. */
export function stackMemory(spec: Spec<"stackMemory">, input: CheckInput): CheckOutcome {
  const label = spec.lighterThan ? `the whole ${spec.stack} stack takes less memory than the whole ${spec.lighterThan} stack` : `the memory of the whole ${spec.stack} stack is measured`;
  const own = stackWeight(spec.stack, input);
  const other = spec.lighterThan ? stackWeight(spec.lighterThan, input) : null;
  if (own.bytes === 0 || other?.bytes === 0) return outcome(false, label, "waiting for the memory sampler");
  const before = input.opening?.memoryBytes[spec.stack];
  const figures: Record<string, number | string> = { [`${spec.stack}.memoryMB`]: megabytes(own.bytes), [`${spec.stack}.processes`]: own.processes, [`${spec.stack}.addedMB`]: before === undefined ? "n/a" : megabytes(own.bytes - before) };
  if (!other || !spec.lighterThan) return outcome(true, label, "", figures);
  Object.assign(figures, { [`${spec.lighterThan}.memoryMB`]: megabytes(other.bytes), [`${spec.lighterThan}.processes`]: other.processes });
  if (own.bytes < other.bytes) return outcome(true, label, "", figures);
  return contradicted(label, `measured ${megabytes(own.bytes)} MB in ${own.processes} processes against ${megabytes(other.bytes)} MB in ${other.processes}`, figures);
}
