// Folding the traffic generator's events: a person's own events stay as they are, generated runs become one counting row.
import { describe, expect, it } from "vitest";
import type { NumberedEvent } from "../contract/events";
import { defaultFilter } from "./event-filter";
import { closeFold, foldInto, GeneratedJobs, isFoldRow, pathPattern, type FoldRow } from "./stream-fold";
import { describeFold, foldedCount, summariseFold, visibleRows } from "./stream-rows";
import { http, queue } from "./testing/test-events";

const generated = (seq: number, path = "/api/products", status = 200): NumberedEvent => http({ from: "client", to: "api-gateway", path, status, origin: "traffic" }, seq);
const hop = (seq: number): NumberedEvent => http({ from: "api-gateway", to: "product-service", path: "/products", origin: "traffic" }, seq);
const mine = (seq: number): NumberedEvent => http({ from: "client", to: "api-gateway", method: "POST", path: "/api/orders", status: 201 }, seq);
const myJob = (seq: number): NumberedEvent => queue({ queue: "payment-inbox", state: "added", service: "order-service" }, seq);
const theirJob = (seq: number): NumberedEvent => queue({ queue: "payment-inbox", state: "added", service: "order-service", origin: "traffic" }, seq);

describe("foldInto", () => {
  it("folds a run of generated calls into one row that counts each kind of request", () => {
    const items = foldInto([], [generated(1), hop(2), generated(3, "/api/products/p-mouse"), generated(4, "/api/products/p-desk")], 100);
    expect(items).toHaveLength(1);
    const fold = items[0] as FoldRow;
    expect(isFoldRow(fold)).toBe(true);
    expect([fold.firstSeq, fold.seq]).toEqual([1, 4]);
    const summary = summariseFold(fold, defaultFilter)!;
    expect(summary).toMatchObject({ events: 4, requests: 3, failed: 0 });
    expect(summary.parts).toEqual(["GET /api/products/:id ×2", "GET /api/products ×1"]);
    expect(describeFold(summary).what).toBe("+3 generated requests (4 events) folded: GET /api/products/:id ×2 · GET /api/products ×1");
  });

  it("keeps a person's calls and queue events as rows of their own, each ending the fold before it", () => {
    const items = foldInto([], [generated(1), generated(2), mine(3), myJob(4), generated(5), theirJob(6)], 100);
    expect(items.map((item) => (isFoldRow(item) ? `fold ${item.firstSeq}-${item.seq}` : item.seq))).toEqual(["fold 1-2", 3, 4, "fold 5-6"]);
  });

  it("grows the fold at the end across batches without changing the row it was given", () => {
    const first = foldInto([], [generated(1)], 100);
    const second = foldInto(first, [generated(2), theirJob(3)], 100);
    expect(second).toHaveLength(1);
    expect(summariseFold(second[0] as FoldRow, defaultFilter)!.events).toBe(3);
    expect(summariseFold(first[0] as FoldRow, defaultFilter)!.events).toBe(1);
  });

  it("starts a new fold after a clear closed the last one", () => {
    const closed = closeFold(foldInto([], [generated(1)], 100));
    const items = foldInto(closed, [generated(2)], 100);
    expect(items.map((item) => item.seq)).toEqual([1, 2]);
  });

  it("folds a generated order's job announced again outside its trace (an outbox retry), by its job id", () => {
    const jobs = new GeneratedJobs();
    const generatedJob = queue({ queue: "payment-inbox", state: "added", service: "order-service", jobId: "OrderCreated-o-theirs", origin: "traffic" }, 1);
    const retried = queue({ queue: "payment-inbox", state: "added", service: "order-service", jobId: "OrderCreated-o-theirs", traceId: "another" }, 3);
    const myOwn = queue({ queue: "payment-inbox", state: "added", service: "order-service", jobId: "OrderCreated-o-mine" }, 4);
    const items = foldInto([], [generatedJob, mine(2), retried, myOwn], 100, jobs);
    expect(items.map((item) => (isFoldRow(item) ? `fold ${item.firstSeq}-${item.seq}` : item.seq))).toEqual(["fold 1-1", 2, "fold 3-3", 4]);
    // Without the memory the retry would be a row of its own, as a person's.
    expect(foldInto([], [generatedJob, mine(2), retried], 100).map((item) => item.seq)).toEqual([1, 2, 3]);
  });

  it("forgets the oldest generated jobs past its limit", () => {
    const jobs = new GeneratedJobs(2);
    ["a", "b", "c"].forEach((id) => jobs.add(id));
    expect([jobs.has("a"), jobs.has("b"), jobs.has("c")]).toEqual([false, true, true]);
  });

  it("keeps the newest items only: a person's event is pushed out by other rows, not by a thousand generated calls", () => {
    const burst = Array.from({ length: 1_000 }, (_, i) => generated(i + 2));
    const items = foldInto([], [mine(1), ...burst], 3);
    expect(items).toHaveLength(2);
    expect(items[0].seq).toBe(1);
    expect(foldInto(items, [mine(2_000), mine(2_001)], 3).map((item) => item.seq)).toEqual([1_001, 2_000, 2_001]);
  });
});

describe("the folded stream seen through the filter", () => {
  const items = foldInto([], [generated(1), hop(2), generated(3, "/api/products", 503), mine(4), theirJob(5)], 100);

  it("shows every event of a person and a fold for each generated run, newest first", () => {
    const rows = visibleRows(items, defaultFilter, -1);
    expect(rows.map((row) => (row.type === "fold" ? `fold ${row.events}` : row.seq))).toEqual(["fold 1", 4, "fold 3"]);
    expect(foldedCount(rows)).toBe(4);
  });

  it("counts only what passes the filter: errors only leaves the failed request, a service the calls that touched it", () => {
    const errors = visibleRows(items, { ...defaultFilter, errorsOnly: true }, -1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ type: "fold", events: 1, failed: 1 });
    const product = visibleRows(items, { ...defaultFilter, service: "product-service" }, -1);
    expect(product).toHaveLength(1);
    expect(product[0]).toMatchObject({ type: "fold", events: 1, requests: 0, parts: ["api-gateway → product-service GET /products ×1"] });
  });

  it("hides what came before a clear", () => {
    expect(visibleRows(items, defaultFilter, 4).map((row) => row.seq)).toEqual([5]);
  });
});

describe("pathPattern", () => {
  it("counts paths that differ only by an id together", () => {
    expect(pathPattern("/api/products/p-mouse")).toBe("/api/products/:id");
    expect(pathPattern("/api/orders/3f2a9c")).toBe("/api/orders/:id");
    expect(pathPattern("/api/users/me")).toBe("/api/users/me");
    expect(pathPattern("/api/products?limit=5")).toBe("/api/products");
  });
});
