// A process's database statements as spans of the trace that made them: each one a child of the call or queue job
// being served (statement kind, table, duration), sent with the rest of the telemetry. Work outside any trace (an
// outbox round, migrations at start) has no trace to join and is not reported.
import type { StackId } from "../../../lib/contract/events";
import { onQuery } from "./database";
import { emit } from "./telemetry";
import { currentTrace, newSpanId, originField } from "./trace";

export function reportDatabaseSpans(service: string, stack: StackId): void {
  onQuery((query) => {
    const trace = currentTrace();
    if (!trace) return;
    emit({
      type: "db",
      ts: query.startedAt + query.durationMs,
      stack,
      service,
      kind: query.kind,
      table: query.table,
      durationMs: query.durationMs,
      traceId: trace.traceId,
      spanId: newSpanId(),
      parentSpanId: trace.reportedSpanId ?? trace.spanId,
      ...(query.error ? { error: query.error } : {}),
      ...originField(trace),
    });
  });
}
