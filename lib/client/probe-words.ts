// What the two probes say of a running process, in words for its inspector: liveness (does it answer GET /health?)
// and readiness (can it serve: GET /ready, asked only while readiness checks are on). Derived from the status, the
// reason the last probe gave and the switch, so the inspector and the box never disagree. Pure.
import { isNotReady } from "../contract/lifecycle";
import type { ServiceStatus } from "../contract/services";

export function probeWords(status: ServiceStatus, reason: string, readinessChecks: boolean): { liveness: string; readiness: string } | null {
  if (status !== "healthy" && status !== "unhealthy") return null;
  const notReady = isNotReady(status, reason);
  const live = status === "healthy" || notReady;
  return {
    liveness: live ? "answers GET /health" : "no answer to GET /health",
    readiness: !readinessChecks ? "not asked: readiness checks are off" : !live ? "not asked while it does not answer" : notReady ? "GET /ready fails: it gets no calls" : "GET /ready passes",
  };
}
