// A challenge's own checks: a diagnosis named its hidden culprit and then cleared it; every process of a stack was
// replaced (a redeploy of everything). The rest of a challenge's goal is checked by the lessons' predicates.
import type { PredicateSpec } from "../contract/lessons";
import { outcome, type CheckInput, type CheckOutcome } from "./check-input";

type Spec<N extends PredicateSpec["is"]> = Extract<PredicateSpec, { is: N }>;

export function culpritNamed(_: Spec<"culpritNamed">, input: CheckInput): CheckOutcome {
  const label = "you named the service at fault and the kind of fault";
  const challenge = input.challenge;
  if (!challenge?.culprit) return outcome(false, label, "this run hid no culprit");
  const wrong = challenge.guesses;
  return outcome(challenge.named, label, wrong === 0 ? "not named yet" : `${wrong} guess${wrong === 1 ? "" : "es"} so far, none right`, challenge.named ? { culprit: `${challenge.culprit.type} on ${challenge.culprit.service}`, wrongGuesses: wrong } : {});
}

export function culpritCleared(_: Spec<"culpritCleared">, input: CheckInput): CheckOutcome {
  const label = "the fault you found is cleared";
  const culprit = input.challenge?.culprit;
  if (!culprit || !input.challenge?.named) return outcome(false, label, "name it first");
  const inForce = input.state.faults.some((fault) => fault.service === culprit.service && fault.type === culprit.type);
  return outcome(!inForce, label, `the ${culprit.type} fault on ${culprit.service} is still in force`);
}

/** Every shop service of the stack runs none of the processes it ran when the step opened, each healthy again. */
export function everyServiceReplaced(spec: Spec<"everyServiceReplaced">, input: CheckInput): CheckOutcome {
  const label = `every ${spec.stack} service replaced by a new process, each healthy`;
  if (!input.opening) return outcome(false, label, "the step's opening was not recorded");
  const services = input.state.services.filter((service) => service.stack === spec.stack && service.kind === "service");
  const replaced = services.filter((service) => {
    const then = input.opening!.pids[service.id] ?? [];
    return service.status === "healthy" && service.instances.every((instance) => instance.pid !== null && !then.includes(instance.pid));
  });
  const left = services.filter((service) => !replaced.includes(service)).map((service) => service.id);
  return outcome(left.length === 0 && services.length > 0, label, `${replaced.length} of ${services.length} replaced; still to go: ${left.join(", ")}`, { replaced: replaced.length, of: services.length });
}
