// Checks on the processes themselves: which kept running through the step (same pids), what a whole stack weighs,
// and what one copy of a service weighs against another's. Read from the supervisor's state and the memory sampler.
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

/** The stack's processes' resident memory, added up, and what it gained since the step opened. */
export function stackMemory(spec: Spec<"stackMemory">, input: CheckInput): CheckOutcome {
  const label = `the memory of the whole ${spec.stack} stack is measured`;
  const processes = input.metrics?.services.filter((service) => service.stack === spec.stack) ?? [];
  const bytes = processes.reduce((sum, service) => sum + service.rssBytes, 0);
  const count = processes.reduce((sum, service) => sum + service.processes, 0);
  if (bytes === 0) return outcome(false, label, "waiting for the memory sampler");
  const before = input.opening?.memoryBytes[spec.stack];
  const figures = { [`${spec.stack}.memoryMB`]: megabytes(bytes), [`${spec.stack}.processes`]: count, [`${spec.stack}.addedMB`]: before === undefined ? "n/a" : megabytes(bytes - before) };
  return outcome(true, label, "", figures);
}

/** One copy of `larger` weighs more than one copy of `smaller` (times `factor`): memory per process, measured now. */
export function perCopyMemory(spec: Spec<"perCopyMemory">, input: CheckInput): CheckOutcome {
  const label = `one copy of ${spec.larger} takes more memory than one of ${spec.smaller}`;
  const perCopy = (id: string) => {
    const measured = input.metrics?.services.find((service) => service.id === id);
    return measured && measured.processes > 0 && measured.rssBytes > 0 ? measured.rssBytes / measured.processes : null;
  };
  const [larger, smaller] = [perCopy(spec.larger), perCopy(spec.smaller)];
  if (larger === null || smaller === null) return outcome(false, label, "waiting for the memory of both to be measured");
  const figures = { [`${spec.larger}.perCopyMB`]: megabytes(larger), [`${spec.smaller}.perCopyMB`]: megabytes(smaller) };
  return larger >= smaller * spec.factor ? outcome(true, label, "", figures) : contradicted(label, `measured ${megabytes(larger)} MB against ${megabytes(smaller)} MB per copy`, figures);
}
