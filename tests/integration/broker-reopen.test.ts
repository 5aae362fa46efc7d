// A queue whose opening the broker cut short is opened again. BullMQ keeps a failed opening for good: a service that
// held on to such a queue would never publish again, even with the broker back, and every order it took would stay
// pending; the sandbox's job counts would freeze the same way. A real redis-server sits behind a proxy that goes down
// at BullMQ's own version check, the moment a broker crash can cut an opening short, so it happens every time.
import { Queue } from "bullmq";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAIL_FAST } from "../../lib/contract/broker";
import { QueueShelf } from "../../sandbox-services/runtime/src/queue-shelf";
import { QueueStats } from "../../lib/sandbox/telemetry/queue-stats";
import { startApp, type RunningApp } from "./support/app";
import { BrokerProxy } from "./support/broker-proxy";
import { startOwnRedis, type OwnRedis } from "./support/own-redis";
import { Storefront } from "./support/storefront";
import { watchTelemetry } from "./support/telemetry";
import { waitFor } from "./support/wait";

let redis: OwnRedis;
let proxy: BrokerProxy;

/** ioredis's ready check is a connection's first INFO; BullMQ's version check, right after "ready", is the second. */
const downAtVersionCheck = () => proxy.trapAt("info", 2, "go-down");
const MAX_RETRIES = /max retries per request/;
const WAITS_IN_OUTBOX = /OrderCreated for \S+ waits in the outbox: /;

beforeAll(async () => {
  redis = await startOwnRedis();
  proxy = new BrokerProxy({ host: "127.0.0.1", port: redis.port });
  await proxy.start();
});

beforeEach(async () => {
  await proxy.heal();
  redis.cli("flushall");
});

afterAll(async () => {
  await proxy?.stop();
  redis?.stop();
});

describe("a queue's opening cut by the broker going down", () => {
  it("leaves that queue failing for good, and the shelf opens a new one that publishes once the broker is back", async () => {
    const shelf = new QueueShelf(async () => (name: string) => {
      const queue = new Queue(name, { connection: { host: "127.0.0.1", port: proxy.port, ...FAIL_FAST }, prefix: "reopen" });
      queue.on("error", () => {});
      return queue;
    });
    try {
      downAtVersionCheck();
      const first = await shelf.get("payment-inbox");
      await expect(first.waitUntilReady()).rejects.toThrow(MAX_RETRIES);
      await proxy.heal();
      // What BullMQ does on its own: the broker is back, the queue still answers with its failed opening.
      await expect(first.add("OrderCreated", { n: 1 })).rejects.toThrow(MAX_RETRIES);
      const added = await waitFor("a publish to get through", async () => {
        const queue = await shelf.get("payment-inbox");
        return queue === first ? undefined : await queue.add("OrderCreated", { n: 2 }, { jobId: "after-the-cut" });
      }, { timeoutMs: 10_000, intervalMs: 50 });
      expect(added.id).toBe("after-the-cut");
      expect(redis.cli("hget", "reopen:payment-inbox:after-the-cut", "name")).toBe("OrderCreated");
      // Closed as the process stops, it opens nothing again.
      await shelf.close();
      await expect(shelf.get("payment-inbox")).rejects.toThrow(/closed/);
    } finally {
      await shelf.close();
    }
  });

  it("does not freeze the sandbox's job counts: a job added once the broker answers again is counted", async () => {
    const stats = new QueueStats(["payment-inbox"], { host: "127.0.0.1", port: proxy.port }, "reopen");
    const direct = new Queue("payment-inbox", { connection: { host: "127.0.0.1", port: redis.port }, prefix: "reopen" });
    try {
      // Any failed opening is kept by BullMQ; a Redis it refuses is the one that can be made to happen at once here.
      proxy.trapAt("info", 2, "answer-as-redis-4");
      await stats.refresh();
      expect(proxy.sprung).toBe(1);
      await proxy.heal();
      await direct.add("OrderCreated", { n: 1 });
      await waitFor("the counts to show the job", async () => (await stats.refresh())[0].waiting === 1, { timeoutMs: 10_000, intervalMs: 50 });
      // Closed as the app stops, the counts open nothing again: a late refresh keeps the last counts.
      await stats.close();
      const connections = proxy.accepted;
      expect((await stats.refresh())[0].waiting).toBe(1);
      expect(proxy.accepted).toBe(connections);
    } finally {
      await Promise.all([stats.close(), direct.close()]);
    }
  });
});

describe("a shop whose broker goes down as order-service first opens its queue", () => {
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it("pays the order once the broker is back: order-service publishes again", async () => {
    app = await startApp({ env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` } });
    const shop = new Storefront(await app.storefrontUrl());
    const customer = await shop.newCustomer();
    const telemetry = await watchTelemetry(app.origin);
    try {
      // order-service's queue to payment-inbox is opened at its first publish; it is told from the shop's other
      // connections (which may still be opening) by its name.
      proxy.trapAt("info", 2, "go-down", "order-service:publish:payment-inbox");
      const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
      expect(placed.status).toBe(202);
      // The publish fails in whichever way the cut meets it (the command in flight runs out of retries, or the
      // connection is found closed): either way the order waits in order-service's outbox, and says so.
      await telemetry.waitForEvents(
        "order-service to find its publish failed and keep the order in its outbox",
        (events) => events.some((event) => event.type === "log" && event.service === "order-service" && WAITS_IN_OUTBOX.test(event.line)),
        30_000,
      );
      expect(proxy.sprung).toBe(1);
      await proxy.heal();
      expect((await shop.waitForOrderToSettle(customer.token, placed.body.order!.id)).status).toBe("paid");
    } finally {
      telemetry.close();
    }
  });
});
