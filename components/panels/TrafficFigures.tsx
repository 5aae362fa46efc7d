// What the generated traffic has done so far, per stack: the generator's own counts and the latency its shoppers saw.
import type { TrafficView } from "../../lib/contract/control";
import { skippedNote } from "../../lib/client/traffic-notes";

// As the run's sentence writes them, so the table and the sentence read the same figure the same way.
const ms = (value: number | null) => (value === null ? "–" : value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);

export function TrafficFigures({ traffic }: { traffic: TrafficView }) {
  const left = traffic.running && traffic.endsAt ? Math.max(0, Math.round((traffic.endsAt - Date.now()) / 1_000)) : null;
  return (
    <div className="traffic-figures" data-traffic-running={traffic.running}>
      <p className={traffic.running ? "op-ok" : "muted small"} role="status">
        {traffic.running ? `● Running: ${traffic.summary}${left !== null ? ` (${left} s left)` : ""}` : traffic.stacks.length > 0 ? "■ Stopped. Last run:" : "■ No traffic running."}
      </p>
      {traffic.stacks.length > 0 && (
        <table className="op-table">
          <caption className="visually-hidden">Generated traffic per stack</caption>
          <thead>
            <tr>
              <th scope="col"></th>
              {traffic.stacks.map((stack) => (
                <th scope="col" key={stack.stack}>
                  {/* "microservices" breaks in two in a laptop's narrow panel rather than pushing the figures out. */}
                  {stack.stack === "microservices" ? (
                    <>
                      micro<wbr />
                      services
                    </>
                  ) : (
                    stack.stack
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(
              [
                ["sent", (s) => s.sent],
                ["ok", (s) => s.ok],
                ["failed", (s) => s.failed],
                ["refused", (s) => s.refused],
                ["skipped", (s) => s.skipped],
                ["orders", (s) => s.ordersAccepted],
                ["p50", (s) => ms(s.p50Ms)],
                ["p95", (s) => ms(s.p95Ms)],
              ] as Array<[string, (stack: TrafficView["stacks"][number]) => string | number]>
            ).map(([label, read]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {traffic.stacks.map((stack) => (
                  <td key={stack.stack} data-traffic-figure={`${stack.stack}:${label}`} className={(label === "failed" && stack.failed > 0) || (label === "refused" && stack.refused > 0) ? "bad-text" : undefined}>
                    {read(stack)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">Refused: answered 429 (too many attempts), neither served nor broken.</p>
      {skippedNote(traffic.stacks) && (
        <p className="muted small" data-traffic-skipped>
          {skippedNote(traffic.stacks)}
        </p>
      )}
    </div>
  );
}
