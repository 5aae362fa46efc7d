// The recorded calls and jobs as OpenTelemetry traces (OTLP/JSON), so a standard trace viewer opens a run as the same
// tree the app draws: a call between services is a client span in the caller and a server span in the callee, a
// shopper's call a server span in the entry (under the shopper's client span when it sent one), a call inside the
// monolith an internal span, a publish a producer span and each attempt at a job a consumer span under (and linked to)
// the publish that caused it, and each database statement a client span under the work that ran it.
import type { DbEvent, HttpEvent, NumberedEvent, QueueEvent } from "../../contract/events";
import { SPAN_KIND, type OtlpAttribute, type OtlpExport, type OtlpSpan } from "../../contract/otlp";

const text = (key: string, value: string): OtlpAttribute => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): OtlpAttribute => ({ key, value: { intValue: String(value) } });
const nanos = (ms: number) => (BigInt(Math.round(ms * 1_000)) * 1_000n).toString();
const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;
/** Where the shoppers' own client spans are put: they are no process of the shop. */
const SHOPPER = "shopper";

type Placed = { service: string; stack: string; span: OtlpSpan };

const httpFailed = (event: HttpEvent) => event.status === 0 || event.status >= 500;
const httpStatus = (event: HttpEvent): OtlpSpan["status"] => (httpFailed(event) ? { code: 2, message: event.error ?? `status ${event.status}` } : { code: 1 });
const httpAttributes = (event: HttpEvent): OtlpAttribute[] => [
  text("http.request.method", event.method),
  text("url.path", event.path),
  int("http.response.status_code", event.status),
  text("sandbox.caller", event.from),
  text("sandbox.callee", event.to),
  ...(event.via ? [text("sandbox.via", event.via)] : []),
];
const startOf = (event: HttpEvent) => event.ts - event.durationMs;

/** A span id made from another, for a callee's server span whose own id was never reported (it had no child). */
function derivedId(spanId: string): string {
  let out = "";
  for (let index = 0; index < 16; index++) out += ((parseInt(spanId[index], 16) + 7 + index) % 16).toString(16);
  return out === spanId ? out.split("").reverse().join("") : out;
}

export function toOtlp(events: readonly NumberedEvent[]): OtlpExport {
  const calls = events.filter((event): event is HttpEvent & { seq: number } => event.type === "http" && HEX32.test(event.traceId) && HEX16.test(event.spanId));
  const jobs = events.filter((event): event is QueueEvent & { seq: number } => event.type === "queue" && HEX32.test(event.traceId) && !!event.spanId && HEX16.test(event.spanId));
  // Every span id an event reports as its own: a parent id outside this set is a callee's server span nobody reported.
  const reported = new Set<string>([...calls.map((call) => call.spanId), ...jobs.map((job) => job.spanId!)]);
  const placed: Placed[] = [];
  /** A call between services by its caller's span, to the callee's server span it was served in. */
  const servedIn = new Map<string, string>();
  const place = (service: string, stack: string, span: OtlpSpan) => placed.push({ service: stack === "monolith" ? "monolith" : service, stack, span });

  for (const call of calls) {
    const times = { startTimeUnixNano: nanos(startOf(call)), endTimeUnixNano: nanos(call.ts) };
    const base = { traceId: call.traceId, name: `${call.method} ${call.path}`, ...times, attributes: httpAttributes(call), status: httpStatus(call) };
    const parent = call.parentSpanId && HEX16.test(call.parentSpanId) ? call.parentSpanId : undefined;
    if (call.via === "in-process") {
      // A function call inside one process: neither a client nor a server, and the callee ran in this very span.
      place(call.to, call.stack, { ...base, spanId: call.spanId, ...(parent && { parentSpanId: parent }), kind: SPAN_KIND.internal });
    } else if (call.from === "client") {
      place(call.to, call.stack, { ...base, spanId: call.spanId, ...(parent && { parentSpanId: parent }), kind: SPAN_KIND.server });
      // The shopper's side sent a traceparent: its id is the shopper's client span, paired with this server span.
      if (parent && !reported.has(parent)) {
        reported.add(parent);
        place(SHOPPER, call.stack, { ...base, spanId: parent, kind: SPAN_KIND.client });
      }
    } else {
      place(call.from, call.stack, { ...base, spanId: call.spanId, ...(parent && { parentSpanId: parent }), kind: SPAN_KIND.client });
      const server = calleeSpanId(call, calls, jobs, reported);
      if (server === null && call.status === 0) continue; // no answer and nothing done there: the call never arrived
      const serverId = server ?? derivedId(call.spanId);
      reported.add(serverId);
      servedIn.set(call.spanId, serverId);
      place(call.to, call.stack, { ...base, spanId: serverId, parentSpanId: call.spanId, kind: SPAN_KIND.server });
    }
  }

  const producers = new Map<string, QueueEvent>();
  for (const job of jobs) if (job.state === "added" && !producers.has(job.spanId!)) producers.set(job.spanId!, job);
  for (const [spanId, added] of producers) {
    const queues = jobs.filter((job) => job.state === "added" && job.spanId === spanId).map((job) => job.queue);
    place(added.service, added.stack, {
      traceId: added.traceId,
      spanId,
      ...(added.parentSpanId && HEX16.test(added.parentSpanId) ? { parentSpanId: added.parentSpanId } : {}),
      name: `${added.job} publish`,
      kind: SPAN_KIND.producer,
      startTimeUnixNano: nanos(added.ts),
      endTimeUnixNano: nanos(added.ts),
      attributes: [text("messaging.system", added.stack === "monolith" ? "in-process" : "bullmq"), text("messaging.operation.type", "send"), text("messaging.destination.name", queues.join(", ")), text("messaging.message.id", added.jobId)],
      status: { code: 1 },
    });
  }
  for (const job of jobs) {
    if (job.state !== "completed" && job.state !== "failed" && job.state !== "retry") continue;
    const producer = publishOf(job, jobs);
    const durationMs = job.durationMs ?? 0;
    place(job.service, job.stack, {
      traceId: job.traceId,
      spanId: job.spanId!,
      ...(producer && { parentSpanId: producer, links: [{ traceId: job.traceId, spanId: producer }] }),
      name: `${job.job} from ${job.queue}`,
      kind: SPAN_KIND.consumer,
      startTimeUnixNano: nanos(job.ts - durationMs),
      endTimeUnixNano: nanos(job.ts),
      attributes: [text("messaging.system", job.stack === "monolith" ? "in-process" : "bullmq"), text("messaging.operation.type", "process"), text("messaging.destination.name", job.queue), text("messaging.message.id", job.jobId), int("sandbox.attempt", job.attempt)],
      status: job.state === "completed" ? { code: 1 } : { code: 2, message: job.error ?? "the job failed" },
    });
  }

  for (const statement of events) {
    if (statement.type !== "db" || !HEX32.test(statement.traceId) || !HEX16.test(statement.spanId)) continue;
    // A callee reports its statements under the caller's span of the call (that is the hop the app draws them in):
    // here they go under the callee's own server span, where they ran.
    const parent = HEX16.test(statement.parentSpanId) ? (servedIn.get(statement.parentSpanId) ?? statement.parentSpanId) : undefined;
    place(statement.service, statement.stack, databaseSpan(statement, parent));
  }

  // A parent the window does not hold (its call began before the window, say) is not named: the span says which it was.
  const exported = new Set(placed.map(({ span }) => span.spanId));
  for (const { span } of placed) {
    if (span.parentSpanId === undefined || exported.has(span.parentSpanId)) continue;
    span.attributes.push(text("sandbox.parent.unrecorded", span.parentSpanId));
    delete span.parentSpanId;
  }

  const byService = new Map<string, { service: string; stack: string; spans: OtlpSpan[] }>();
  for (const { service, stack, span } of placed) {
    const key = `${stack}/${service}`;
    let entry = byService.get(key);
    if (!entry) byService.set(key, (entry = { service, stack, spans: [] }));
    entry.spans.push(span);
  }
  return {
    resourceSpans: [...byService.values()].map(({ service, stack, spans }) => ({
      resource: { attributes: [text("service.name", service), text("sandbox.stack", stack)] },
      scopeSpans: [{ scope: { name: "architecture-sandbox" }, spans }],
    })),
  };
}

/**
 * The span id the callee served `call` in. Callees report only their own calls and publishes, each naming the
 * span it was made in: the unreported parent id of something the callee did in the same trace while the call lasted.
 */
function calleeSpanId(call: HttpEvent, calls: readonly HttpEvent[], jobs: readonly QueueEvent[], reported: ReadonlySet<string>): string | null {
  const during = (at: number) => at >= startOf(call) && at <= call.ts;
  const unreported = (parent: string | undefined): parent is string => parent !== undefined && HEX16.test(parent) && !reported.has(parent);
  for (const inner of calls) if (inner.traceId === call.traceId && inner.from === call.to && inner.stack === call.stack && unreported(inner.parentSpanId) && during(startOf(inner))) return inner.parentSpanId;
  for (const job of jobs) if (job.traceId === call.traceId && job.state === "added" && job.service === call.to && job.stack === call.stack && unreported(job.parentSpanId) && during(job.ts)) return job.parentSpanId;
  return null;
}

function databaseSpan(statement: DbEvent, parentSpanId: string | undefined): OtlpSpan {
  return {
    traceId: statement.traceId,
    spanId: statement.spanId,
    ...(parentSpanId && { parentSpanId }),
    name: statement.table ? `${statement.kind} ${statement.table}` : statement.kind,
    kind: SPAN_KIND.client,
    startTimeUnixNano: nanos(statement.ts - statement.durationMs),
    endTimeUnixNano: nanos(statement.ts),
    attributes: [text("db.system.name", "sqlite"), text("db.operation.name", statement.kind), ...(statement.table ? [text("db.collection.name", statement.table)] : [])],
    status: statement.error ? { code: 2, message: statement.error } : { code: 1 },
  };
}

/** The publish span that caused a job's attempt: the one it names, or else the publish of the same job in the trace. */
function publishOf(job: QueueEvent, jobs: readonly QueueEvent[]): string | undefined {
  if (job.parentSpanId && HEX16.test(job.parentSpanId)) return job.parentSpanId;
  return jobs.find((candidate) => candidate.state === "added" && candidate.traceId === job.traceId && candidate.queue === job.queue && candidate.jobId === job.jobId)?.spanId;
}
