// A service's status as a symbol and a word, coloured by its tone.
import type { ServiceStatus } from "../../lib/contract/services";
import { STATUS_SYMBOL, STATUS_TONE } from "../../lib/client/status";

export function StatusBadge({ status }: { status: ServiceStatus }) {
  return (
    <span className={`status tone-${STATUS_TONE[status]}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[status]}</span> {status}
    </span>
  );
}
