// When the step's decisive action happened, as the sandbox saw it: the moment that splits "before" from "after".
// Read from the same state and telemetry as the checks, so a learner's click and "Show me" count alike.
import type { ChangeSpec, LessonAction } from "../contract/lessons";
import { isDown, type CheckInput } from "./check-input";

type ChangeInput = Pick<CheckInput, "since" | "now" | "events" | "state" | "redeploys" | "traffic">;

/** The moment of the change within the step, or null while it has not happened. */
export function changeMoment(change: ChangeSpec, input: ChangeInput): number | null {
  switch (change.kind) {
    case "fault": {
      const fault = input.state.faults.find((candidate) => candidate.service === change.service && candidate.type === change.type && candidate.createdAt >= input.since);
      return fault ? fault.createdAt : null;
    }
    case "fault-cleared":
      return input.state.faults.some((candidate) => candidate.service === change.service && candidate.type === change.type) ? null : input.now;
    case "kill": {
      const down = input.events.find((event) => event.type === "lifecycle" && event.service === change.service && isDown(event.to));
      return down ? down.ts : null;
    }
    case "redeploy": {
      const redeploy = input.redeploys[change.stack];
      return redeploy && redeploy.service === change.service && redeploy.startedAt >= input.since ? redeploy.startedAt : null;
    }
    case "scale":
      return input.state.services.find((service) => service.id === change.service)?.replicas === change.replicas ? input.now : null;
    case "circuit-open": {
      const opened = input.events.find((event) => event.type === "circuit" && event.to === change.to && event.state === "open");
      return opened ? opened.ts : null;
    }
    case "traffic":
      return input.traffic.startedAt !== null && input.traffic.startedAt >= input.since ? input.traffic.startedAt : null;
    case "retries":
      return input.state.resilience.retries >= change.atLeast ? input.now : null;
    case "timeout":
      return input.state.resilience.timeouts && input.state.resilience.timeoutMs <= change.atMostMs ? input.now : null;
    case "readiness":
      return input.state.resilience.readinessChecks ? input.now : null;
  }
}

/** The change in words, for a check that waits on it and for a prediction answered after it. */
export function describeChange(change: ChangeSpec): string {
  switch (change.kind) {
    case "fault":
      return `a ${change.type} fault on ${change.service}`;
    case "fault-cleared":
      return `the ${change.type} fault on ${change.service} cleared`;
    case "kill":
      return `${change.service} killed`;
    case "redeploy":
      return `${change.service} redeployed`;
    case "scale":
      return `${change.service} scaled to ${change.replicas}`;
    case "circuit-open":
      return `the breaker to ${change.to} open`;
    case "traffic":
      return "traffic started";
    case "retries":
      return `retries switched on (up to ${change.atLeast})`;
    case "timeout":
      return `a timeout of at most ${change.atMostMs} ms`;
    case "readiness":
      return "readiness checks switched on";
  }
}

/** Whether performing `action` makes the step's change: "Show me" measures the baseline before that action. */
export function makesChange(action: LessonAction, change: ChangeSpec): boolean {
  switch (change.kind) {
    case "fault":
      return action.do === "fault" && action.fault.service === change.service && action.fault.type === change.type;
    case "fault-cleared":
      return action.do === "clear-fault" && action.service === change.service && action.type === change.type;
    case "kill":
      return action.do === "kill" && action.service === change.service;
    case "redeploy":
      return action.do === "redeploy" && action.service === change.service;
    case "scale":
      return action.do === "scale" && action.service === change.service;
    case "circuit-open":
      return action.do === "resilience" && action.resilience.circuitBreaker === true;
    case "traffic":
      return action.do === "traffic";
    case "retries":
      return action.do === "resilience" && (action.resilience.retries ?? 0) >= change.atLeast;
    case "timeout":
      return action.do === "resilience" && action.resilience.timeouts !== false && action.resilience.timeoutMs !== undefined && action.resilience.timeoutMs <= change.atMostMs;
    case "readiness":
      return action.do === "resilience" && action.resilience.readinessChecks === true;
  }
}
