// Memory on the graph: a stack's total adds up its boxes, and several copies read as a multiplication.
import { describe, expect, it } from "vitest";
import type { ServiceMetrics } from "../contract/control";
import { formatBytes, formatCopiesMemory, formatStackMemory, memoryOf } from "./memory";

const MB = 1024 * 1024;
const service = (id: string, stack: ServiceMetrics["stack"], rssMb: number, processes: number): ServiceMetrics => ({
  id,
  stack,
  up: processes > 0,
  rps: 0,
  p50Ms: null,
  p95Ms: null,
  errorRate: 0,
  cpuPercent: 0,
  rssBytes: rssMb * MB,
  processes,
});

describe("memory on the graph", () => {
  it("adds a stack's processes up from its services, so the boxes and the total agree", () => {
    const view = memoryOf({
      services: [
        service("redis", "microservices", 10, 1),
        service("product-service", "microservices", 210, 3),
        service("order-service", "microservices", 70, 1),
        service("monolith", "monolith", 140, 2),
        // A module of the monolith: no process of its own, so no memory of its own.
        service("product-service", "monolith", 0, 0),
      ],
    });
    expect(view.stacks.microservices).toEqual({ rssBytes: 290 * MB, processes: 5 });
    expect(view.stacks.monolith).toEqual({ rssBytes: 140 * MB, processes: 2 });
    expect(view.services["product-service"]).toEqual({ rssBytes: 210 * MB, processes: 3 });
    expect(view.services.monolith).toEqual({ rssBytes: 140 * MB, processes: 2 });
  });

  it("leaves out a stack with nothing running and a service whose processes are gone", () => {
    const view = memoryOf({ services: [service("payment-service", "microservices", 0, 0)] });
    expect(view.services).toEqual({});
    expect(view.stacks).toEqual({});
  });

  it("says one process's memory plainly and several copies as a multiplication", () => {
    expect(formatCopiesMemory({ rssBytes: 73 * MB, processes: 1 })).toBe("73 MB");
    expect(formatCopiesMemory({ rssBytes: 210 * MB, processes: 3 })).toBe("×3 = 210 MB");
    expect(formatStackMemory({ rssBytes: 560 * MB, processes: 8 })).toBe("8 processes · 560 MB");
    expect(formatStackMemory({ rssBytes: 73 * MB, processes: 1 })).toBe("1 process · 73 MB");
    expect(formatBytes(1536 * MB)).toBe("1.50 GB");
  });
});
