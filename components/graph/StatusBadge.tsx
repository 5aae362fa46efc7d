// A service's status as a symbol and a word, coloured by its tone.
import type { ServiceStatus } from "../../lib/contract/services";
import { isNotReady } from "../../lib/contract/lifecycle";
import { STATUS_SYMBOL, STATUS_TONE } from "../../lib/client/status";

/** `reason` tells an instance the readiness probe took out ("not ready") from one that stopped answering at all. */
export function StatusBadge({ status, reason = "" }: { status: ServiceStatus; reason?: string }) {
  const notReady = isNotReady(status, reason);
  return (
    <span className={`status tone-${STATUS_TONE[status]}`} title={notReady ? "alive (it answers GET /health) but not ready (GET /ready fails): it gets no calls" : undefined}>
      <span aria-hidden="true">{STATUS_SYMBOL[status]}</span> {notReady ? "not ready" : status}
    </span>
  );
}
