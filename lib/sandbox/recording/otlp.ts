// The recorded calls and jobs as OpenTelemetry traces (OTLP/JSON), so a standard trace viewer can open a run: one
// span per HTTP call (as its callee served it), per finished queue job (as its consumer ran it), and per database
// statement (a client span under the call or job that ran it, with OpenTelemetry's database attributes).
import type { NumberedEvent } from "../../contract/events";

interface OtlpAttribute {
  key: string;
  value: { stringValue: string } | { intValue: string };
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** 2: server (an HTTP call served), 3: client (a database statement), 5: consumer (a queue job processed). */
  kind: 2 | 3 | 5;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpAttribute[];
  /** 1: ok, 2: error. */
  status: { code: 1 | 2; message?: string };
}

const text = (key: string, value: string): OtlpAttribute => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): OtlpAttribute => ({ key, value: { intValue: String(value) } });
const nanos = (ms: number) => (BigInt(Math.round(ms * 1_000)) * 1_000n).toString();
const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;

export function toOtlp(events: readonly NumberedEvent[]): { resourceSpans: unknown[] } {
  const byService = new Map<string, { stack: string; spans: OtlpSpan[] }>();
  const add = (service: string, stack: string, span: OtlpSpan) => {
    const key = `${stack}/${service}`;
    let entry = byService.get(key);
    if (!entry) byService.set(key, (entry = { stack, spans: [] }));
    entry.spans.push(span);
  };
  for (const event of events) {
    if (event.type === "http" && HEX32.test(event.traceId) && HEX16.test(event.spanId)) {
      const failed = event.status === 0 || event.status >= 500;
      add(event.to, event.stack, {
        traceId: event.traceId,
        spanId: event.spanId,
        ...(event.parentSpanId && HEX16.test(event.parentSpanId) ? { parentSpanId: event.parentSpanId } : {}),
        name: `${event.method} ${event.path}`,
        kind: 2,
        startTimeUnixNano: nanos(event.ts - event.durationMs),
        endTimeUnixNano: nanos(event.ts),
        attributes: [text("http.request.method", event.method), text("url.path", event.path), int("http.response.status_code", event.status), text("sandbox.caller", event.from), ...(event.via ? [text("sandbox.via", event.via)] : [])],
        status: failed ? { code: 2, message: event.error ?? `status ${event.status}` } : { code: 1 },
      });
    } else if (event.type === "queue" && (event.state === "completed" || event.state === "failed") && HEX32.test(event.traceId) && event.spanId && HEX16.test(event.spanId)) {
      const durationMs = event.durationMs ?? 0;
      add(event.service, event.stack, {
        traceId: event.traceId,
        spanId: event.spanId,
        name: `${event.job} from ${event.queue}`,
        kind: 5,
        startTimeUnixNano: nanos(event.ts - durationMs),
        endTimeUnixNano: nanos(event.ts),
        attributes: [text("messaging.system", "bullmq"), text("messaging.destination.name", event.queue), text("messaging.message.id", event.jobId), int("sandbox.attempt", event.attempt)],
        status: event.state === "failed" ? { code: 2, message: event.error ?? "the job failed" } : { code: 1 },
      });
    } else if (event.type === "db" && HEX32.test(event.traceId) && HEX16.test(event.spanId)) {
      add(event.service, event.stack, {
        traceId: event.traceId,
        spanId: event.spanId,
        ...(HEX16.test(event.parentSpanId) ? { parentSpanId: event.parentSpanId } : {}),
        name: event.table ? `${event.kind} ${event.table}` : event.kind,
        kind: 3,
        startTimeUnixNano: nanos(event.ts - event.durationMs),
        endTimeUnixNano: nanos(event.ts),
        attributes: [text("db.system.name", "sqlite"), text("db.operation.name", event.kind), ...(event.table ? [text("db.collection.name", event.table)] : [])],
        status: event.error ? { code: 2, message: event.error } : { code: 1 },
      });
    }
  }
  return {
    resourceSpans: [...byService].map(([key, { stack, spans }]) => ({
      resource: { attributes: [text("service.name", key.slice(key.indexOf("/") + 1)), text("sandbox.stack", stack)] },
      scopeSpans: [{ scope: { name: "architecture-sandbox" }, spans }],
    })),
  };
}
