// The sandbox's job counts as the app stops: closed while a refresh is still loading BullMQ, the refresh ends with the
// last counts it had, never with an error nobody awaits (the queue watch starts refreshes it does not wait for).
import { describe, expect, it } from "vitest";
import { QueueStats } from "./queue-stats";

describe("QueueStats", () => {
  it("ends a refresh caught by its close with the last counts, and opens nothing", async () => {
    // Nothing listens there: were a queue opened, the refresh would wait for it and time out instead.
    const stats = new QueueStats(["payment-inbox"], { host: "127.0.0.1", port: 1 }, "closed-test");
    const refreshing = stats.refresh();
    await stats.close();
    await expect(refreshing).resolves.toEqual([{ name: "payment-inbox", waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 }]);
  });
});
