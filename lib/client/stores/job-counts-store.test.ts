// A consumer that only drains its inbox has figures too: the jobs it finished over the window.
import { describe, expect, it } from "vitest";
import { jobCounts, recordJobs } from "./job-counts-store";
import { queue } from "../testing/test-events";

describe("recordJobs", () => {
  it("counts the jobs a service finished, failed ones apart, and not the ones it only published", () => {
    const times = recordJobs(
      {},
      [
        queue({ queue: "payment-inbox", state: "added", service: "order-service", ts: 1_000 }),
        queue({ queue: "payment-inbox", state: "active", service: "payment-service", ts: 1_000 }),
        queue({ queue: "payment-inbox", state: "completed", service: "payment-service", ts: 1_100 }),
        queue({ queue: "payment-inbox", state: "retry", service: "payment-service", ts: 1_200 }),
      ],
      2_000,
    );
    expect(jobCounts(times, "payment-service", 2_000)).toEqual({ handled: 2, failed: 1, perSecond: 0.2 });
    expect(jobCounts(times, "order-service", 2_000).handled).toBe(0);
  });

  it("counts a monolith module's jobs for the module and for the whole process", () => {
    const times = recordJobs({}, [queue({ queue: "payment-inbox", state: "completed", service: "payment-service", stack: "monolith", ts: 1_000 })], 1_000);
    expect(jobCounts(times, "monolith/payment-service", 1_000).handled).toBe(1);
    expect(jobCounts(times, "monolith", 1_000).handled).toBe(1);
    expect(jobCounts(times, "payment-service", 1_000).handled).toBe(0);
  });

  it("forgets jobs older than the window", () => {
    const times = recordJobs({}, [queue({ queue: "payment-inbox", state: "completed", service: "payment-service", ts: 1_000 })], 1_000);
    expect(jobCounts(times, "payment-service", 20_000).handled).toBe(0);
  });
});
