// How one trace id follows a request: reading and writing traceparent headers, and spans under the current one.
import { describe, expect, it } from "vitest";
import { childSpan, currentTrace, formatTraceparent, newSpanId, newTraceId, originField, originFrom, outsideTrace, parseTraceparent, runInTrace, spanFrom } from "./trace";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN_ID = "00f067aa0ba902b7";

describe("parseTraceparent", () => {
  it("reads the trace and parent span id from a valid header", () => {
    expect(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-01`)).toEqual({ traceId: TRACE_ID, spanId: SPAN_ID });
  });

  it("tolerates surrounding whitespace", () => {
    expect(parseTraceparent(`  00-${TRACE_ID}-${SPAN_ID}-00 `)).toEqual({ traceId: TRACE_ID, spanId: SPAN_ID });
  });

  it.each([
    ["absent", undefined],
    ["null", null],
    ["empty", ""],
    ["an unknown version", `ff-${TRACE_ID}-${SPAN_ID}-01`],
    ["a short trace id", `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`],
    ["a short span id", `00-${TRACE_ID}-${SPAN_ID.slice(1)}-01`],
    ["non-hex characters", `00-${TRACE_ID.replace("4", "g")}-${SPAN_ID}-01`],
    ["missing flags", `00-${TRACE_ID}-${SPAN_ID}`],
    ["trailing garbage", `00-${TRACE_ID}-${SPAN_ID}-01-extra`],
  ])("ignores a header that is %s", (_what, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });
});

describe("formatTraceparent", () => {
  it("writes a header that parseTraceparent reads back", () => {
    const traceId = newTraceId();
    const spanId = newSpanId();
    const header = formatTraceparent(traceId, spanId);
    expect(header).toBe(`00-${traceId}-${spanId}-01`);
    expect(parseTraceparent(header)).toEqual({ traceId, spanId });
  });
});

describe("spanFrom", () => {
  it("continues the caller's trace as a child span when a traceparent came in", () => {
    const span = spanFrom(formatTraceparent(TRACE_ID, SPAN_ID));
    expect(span.traceId).toBe(TRACE_ID);
    expect(span.parentSpanId).toBe(SPAN_ID);
    expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(span.spanId).not.toBe(SPAN_ID);
  });

  it("starts a new trace with no parent when there is no usable traceparent", () => {
    for (const header of [undefined, "garbage"]) {
      const span = spanFrom(header);
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(span.parentSpanId).toBeUndefined();
    }
    expect(spanFrom(undefined).traceId).not.toBe(spanFrom(undefined).traceId);
  });
});

describe("childSpan", () => {
  it("keeps the current trace id inside runInTrace, with the current span as parent", async () => {
    const outer = spanFrom(formatTraceparent(TRACE_ID, SPAN_ID));
    const child = await runInTrace(outer, async () => {
      await Promise.resolve();
      return childSpan();
    });
    expect(child.traceId).toBe(TRACE_ID);
    expect(child.parentSpanId).toBe(outer.spanId);
    expect(child.spanId).not.toBe(outer.spanId);
  });

  it("finds no trace in work set up by outsideTrace from inside a request, even in its later timers", async () => {
    const outer = spanFrom(formatTraceparent(TRACE_ID, SPAN_ID));
    const [inside, later] = await runInTrace(outer, () =>
      outsideTrace(() => Promise.all([currentTrace(), new Promise((resolve) => setTimeout(() => resolve(currentTrace()), 1))])),
    );
    expect([inside, later]).toEqual([undefined, undefined]);
    expect(runInTrace(outer, () => currentTrace())).toBe(outer);
  });

  it("starts a new trace outside any request", () => {
    expect(currentTrace()).toBeUndefined();
    const span = childSpan();
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.parentSpanId).toBeUndefined();
  });

  it("does not let one request's trace leak into another running at the same time", async () => {
    const a = spanFrom(undefined);
    const b = spanFrom(undefined);
    const [fromA, fromB] = await Promise.all([
      runInTrace(a, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return currentTrace()?.traceId;
      }),
      runInTrace(b, async () => currentTrace()?.traceId),
    ]);
    expect(fromA).toBe(a.traceId);
    expect(fromB).toBe(b.traceId);
  });
});

describe("a trace's origin", () => {
  it("is read from the header only when it says traffic", () => {
    expect(originFrom("traffic")).toBe("traffic");
    expect(originFrom("person")).toBeUndefined();
    expect(originFrom(["traffic"])).toBeUndefined();
    expect(originFrom(undefined)).toBeUndefined();
  });

  it("follows the trace into every child span, and is absent from a person's trace", () => {
    const generated = spanFrom(`00-${TRACE_ID}-${SPAN_ID}-01`, "traffic");
    runInTrace(generated, () => {
      expect(childSpan().origin).toBe("traffic");
      expect(originField(childSpan())).toEqual({ origin: "traffic" });
    });
    const person = spanFrom(undefined);
    runInTrace(person, () => expect(originField(childSpan())).toEqual({}));
    expect("origin" in originField(person)).toBe(false);
  });
});
