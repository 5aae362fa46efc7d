// REDIS_URL: the sandbox uses a Redis it was given instead of starting one, and does not claim to manage it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app";
import { serviceAction } from "./support/control";
import { startOwnRedis, type OwnRedis } from "./support/own-redis";
import { Storefront } from "./support/storefront";

let redis: OwnRedis;
let port: number;
let app: RunningApp;

beforeAll(async () => {
  redis = await startOwnRedis();
  port = redis.port;
  app = await startApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
});

afterAll(async () => {
  await app?.stop();
  redis?.stop();
});

describe("a Redis given through REDIS_URL", () => {
  it("is shown as the broker, healthy, and not managed by the sandbox", async () => {
    const broker = await app.service("redis");
    expect(broker).toMatchObject({ kind: "broker", status: "healthy", managed: false, pid: null, port });
    expect(app.descendants().some((process) => process.cmd.startsWith("redis-server"))).toBe(false);
  });

  it("carries the shop's queues: an order is paid through it", async () => {
    const shop = new Storefront(await app.storefrontUrl());
    const customer = await shop.newCustomer();
    const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 1 }] });
    expect((await shop.waitForOrderToSettle(customer.token, placed.body.order!.id)).status).toBe("paid");
    expect(redis.cli("--scan", "--pattern", "shop:payment-inbox:*")).not.toBe("");
  });

  it("cannot be killed, stopped or redeployed from the app", async () => {
    for (const action of ["kill", "stop", "redeploy"]) {
      const { status, body } = await serviceAction(app, "redis", action, action === "redeploy" ? { strategy: "recreate" } : undefined);
      expect(status).toBe(409);
      expect(body.error).toMatch(/REDIS_URL/);
    }
    expect(redis.cli("ping")).toBe("PONG");
  });
});
