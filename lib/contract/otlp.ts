// The recording's traces as OTLP/JSON (OpenTelemetry's trace export format), the part of it the sandbox writes: what
// /api/recording/otlp gives and a reader (a trace viewer, the tests) can check it against.
import { z } from "zod";

export const OtlpAttributeSchema = z.object({
  key: z.string(),
  value: z.union([z.object({ stringValue: z.string() }), z.object({ intValue: z.string() })]),
});
export type OtlpAttribute = z.infer<typeof OtlpAttributeSchema>;

/** OpenTelemetry's SpanKind numbers: internal, server, client, producer, consumer. */
export const SPAN_KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

export const OtlpSpanSchema = z.object({
  traceId: z.string().regex(/^[0-9a-f]{32}$/),
  spanId: z.string().regex(/^[0-9a-f]{16}$/),
  parentSpanId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  name: z.string(),
  kind: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  startTimeUnixNano: z.string().regex(/^\d+$/),
  endTimeUnixNano: z.string().regex(/^\d+$/),
  attributes: z.array(OtlpAttributeSchema),
  /** A consumer's link to the producer span that published what it took. */
  links: z.array(z.object({ traceId: z.string(), spanId: z.string() })).optional(),
  /** 1: ok, 2: error. */
  status: z.object({ code: z.union([z.literal(1), z.literal(2)]), message: z.string().optional() }),
});
export type OtlpSpan = z.infer<typeof OtlpSpanSchema>;

export const OtlpExportSchema = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes: z.array(OtlpAttributeSchema) }),
      scopeSpans: z.array(z.object({ scope: z.object({ name: z.string() }), spans: z.array(OtlpSpanSchema) })),
    }),
  ),
});
export type OtlpExport = z.infer<typeof OtlpExportSchema>;
