// What a lesson run keeps: a flood of calls never pushes out the lifecycle events that decide a step, the window
// starts where it is asked to, and a finding is said only once it has held a while and unsaid as soon as it does not.
import { describe, expect, it } from "vitest";
import type { NumberedEvent } from "../contract/events";
import { call, lifecycle, T0 } from "./testing/check-fixtures";
import { afterAWhile, LessonWindow } from "./lesson-window";

const numbered = <T extends object>(event: T, seq: number) => ({ ...event, seq }) as unknown as NumberedEvent;

describe("LessonWindow", () => {
  it("keeps a kill through 40,000 calls after it, and gives only what came since the moment asked", () => {
    const window = new LessonWindow();
    window.take([numbered(lifecycle(T0, "payment-service", "healthy", "stopped"), 1)]);
    window.take(Array.from({ length: 40_000 }, (_, index) => numbered(call(T0 + 1 + index, "api-gateway", "product-service", 200), index + 2)));
    const events = window.events(T0);
    expect(events.filter((event) => event.type === "lifecycle")).toHaveLength(1);
    expect(events.filter((event) => event.type === "http")).toHaveLength(30_000);
    expect(window.events(T0 + 39_000).every((event) => event.ts >= T0 + 39_000)).toBe(true);
    expect(window.events(T0 + 39_000).some((event) => event.type === "lifecycle")).toBe(false);
  });

  it("drops log lines and keeps shoppers' answers from the moment asked", () => {
    const window = new LessonWindow();
    window.take([numbered({ type: "log", ts: T0, stack: "microservices", service: "x", level: "info", message: "hi" }, 1)]);
    expect(window.events(0)).toEqual([]);
    window.takeShopper({ at: T0, stack: "monolith", feature: "browse", status: 200, durationMs: 4 } as never);
    window.takeShopper({ at: T0 + 10, stack: "monolith", feature: "browse", status: 200, durationMs: 5 } as never);
    expect(window.shoppersSince(T0 + 5)).toHaveLength(1);
  });

  it("leaves out a shopper's request sent before the moment asked and answered after it: it belongs to what came before", () => {
    const window = new LessonWindow();
    window.takeShopper({ at: T0 + 400, stack: "microservices", method: "GET", path: "/api/products", status: 0, durationMs: 500 });
    window.takeShopper({ at: T0 + 400, stack: "microservices", method: "GET", path: "/api/products", status: 200, durationMs: 100 });
    expect(window.shoppersSince(T0 + 200).map((sample) => sample.status)).toEqual([200]);
  });
});

describe("afterAWhile", () => {
  it("says a finding only once it has held for the time given, and unsays it at once", () => {
    let watch = afterAWhile<string>(null, "p95 fell", null, T0, 3_000);
    expect(watch).toEqual({ since: T0, said: null });
    watch = afterAWhile(watch.since, "p95 fell", watch.said, T0 + 2_999, 3_000);
    expect(watch.said).toBeNull();
    watch = afterAWhile(watch.since, "p95 fell further", watch.said, T0 + 3_000, 3_000);
    expect(watch).toEqual({ since: T0, said: "p95 fell further" });
    expect(afterAWhile(watch.since, null, watch.said, T0 + 3_001, 3_000)).toEqual({ since: null, said: null });
  });
});
