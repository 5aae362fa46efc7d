// How each fault bites inside a process: only the faults of this process's stack are kept, errors fail the share
// asked for, latency and slow-consumer wait, cpu-hog blocks, and partitions cut calls between processes only.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Fault } from "../../../lib/contract/faults";
import { HttpError } from "./errors";
import { beforeConsuming, beforeHandling, partitioned, setFaults } from "./faults";

let nextId = 0;
const fault = (body: Omit<Fault, "id" | "createdAt">): Fault => ({ id: `f-${++nextId}`, createdAt: 0, ...body }) as Fault;

afterEach(() => {
  setFaults([], "microservices");
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Whether `promise` has settled once pending timers up to `ms` have run (fake timers). */
async function settledAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe("setFaults", () => {
  it("keeps the faults for every stack and for this process's own stack, and drops the other stack's", async () => {
    const both = fault({ service: "product-service", type: "errors", rate: 1 });
    const mine = fault({ service: "order-service", type: "errors", rate: 1, stack: "monolith" });
    const theirs = fault({ service: "user-service", type: "errors", rate: 1, stack: "microservices" });
    setFaults([both, mine, theirs], "monolith");
    await expect(beforeHandling("product-service")).rejects.toThrow(HttpError);
    await expect(beforeHandling("order-service")).rejects.toThrow(HttpError);
    await expect(beforeHandling("user-service")).resolves.toBeUndefined();
  });
});

describe("beforeHandling", () => {
  it("fails a hidden errors fault's requests without naming the fault: it is a diagnosis challenge's to find", async () => {
    setFaults([{ ...fault({ service: "product-service", type: "errors", rate: 1 }), hidden: true }], "microservices");
    const failure = await beforeHandling("product-service").catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 500, message: "product-service failed to handle the request" });
  });

  it("answers every request with a 500 that says why under an errors fault of rate 1", async () => {
    setFaults([fault({ service: "product-service", type: "errors", rate: 1 })], "microservices");
    const failure = await beforeHandling("product-service").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ status: 500, message: "product-service failed (an injected errors fault answers 100% of requests with 500)" });
    await expect(beforeHandling("order-service")).resolves.toBeUndefined();
  });

  it("fails a request when the draw falls below the rate, and lets it through at or above it", async () => {
    setFaults([fault({ service: "product-service", type: "errors", rate: 0.3 })], "microservices");
    vi.spyOn(Math, "random").mockReturnValue(0.29);
    await expect(beforeHandling("product-service")).rejects.toThrow("answers 30% of requests");
    vi.spyOn(Math, "random").mockReturnValue(0.3);
    await expect(beforeHandling("product-service")).resolves.toBeUndefined();
  });

  it("never fails a request under an errors fault of rate 0", async () => {
    setFaults([fault({ service: "product-service", type: "errors", rate: 0 })], "microservices");
    vi.spyOn(Math, "random").mockReturnValue(0);
    await expect(beforeHandling("product-service")).resolves.toBeUndefined();
  });

  it("waits the sum of the latency faults on the module, and no longer", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    setFaults([fault({ service: "product-service", type: "latency", ms: 300 }), fault({ service: "product-service", type: "latency", ms: 200, stack: "microservices" })], "microservices");
    const handling = beforeHandling("product-service");
    expect(await settledAfter(handling, 499)).toBe(false);
    expect(await settledAfter(handling, 1)).toBe(true);
  });

  it("does not wait for a module without a latency fault", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    setFaults([fault({ service: "product-service", type: "latency", ms: 300 }), fault({ service: "order-service", type: "slow-consumer", ms: 300 })], "microservices");
    expect(await settledAfter(beforeHandling("order-service"), 0)).toBe(true);
  });

  it("blocks the event loop for a cpu-hog's milliseconds before answering", async () => {
    setFaults([fault({ service: "product-service", type: "cpu-hog", ms: 30 })], "microservices");
    const started = performance.now();
    const handling = beforeHandling("product-service");
    // Blocking, not waiting: the time has passed before the call even returns its promise.
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
    await handling;
  });
});

describe("beforeConsuming", () => {
  it("waits the sum of the slow-consumer faults on the module before a job", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    setFaults([fault({ service: "payment-service", type: "slow-consumer", ms: 400 }), fault({ service: "payment-service", type: "latency", ms: 5_000 })], "microservices");
    const consuming = beforeConsuming("payment-service");
    expect(await settledAfter(consuming, 399)).toBe(false);
    expect(await settledAfter(consuming, 1)).toBe(true);
  });

  it("blocks for a cpu-hog before a job, and lets other modules' jobs through at once", async () => {
    setFaults([fault({ service: "payment-service", type: "cpu-hog", ms: 30 })], "microservices");
    const started = performance.now();
    const consuming = beforeConsuming("payment-service");
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
    await consuming;
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    expect(await settledAfter(beforeConsuming("order-service"), 0)).toBe(true);
  });
});

describe("partitioned", () => {
  it("cuts calls between the two services in either direction, and no others", () => {
    setFaults([fault({ service: "api-gateway", type: "partition", peer: "product-service" })], "microservices");
    expect(partitioned("api-gateway", "product-service")).toBe(true);
    expect(partitioned("product-service", "api-gateway")).toBe(true);
    expect(partitioned("api-gateway", "order-service")).toBe(false);
    expect(partitioned("order-service", "product-service")).toBe(false);
    // Only the pair itself: a call from one side to a third service, or from a third service to it, goes through.
    expect(partitioned("product-service", "order-service")).toBe(false);
    expect(partitioned("order-service", "api-gateway")).toBe(false);
  });

  it("never cuts calls inside the monolith, where there is no network", () => {
    setFaults([fault({ service: "api-gateway", type: "partition", peer: "product-service" })], "monolith");
    expect(partitioned("api-gateway", "product-service")).toBe(false);
  });

  it("is not set off by another fault type between the same services", () => {
    setFaults([fault({ service: "api-gateway", type: "latency", ms: 5, peer: "product-service" })], "microservices");
    expect(partitioned("api-gateway", "product-service")).toBe(false);
  });
});
