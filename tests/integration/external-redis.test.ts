// REDIS_URL: the sandbox uses a Redis it was given instead of starting one, and does not claim to manage it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./support/app";
import { serviceAction } from "./support/control";
import { Storefront } from "./support/storefront";
import { waitFor } from "./support/wait";

let redis: ChildProcess;
let port: number;
let app: RunningApp;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = server.address() as net.AddressInfo;
      server.close(() => resolve(free));
    });
  });
const redisCli = (...args: string[]) => spawnSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8" }).stdout.trim();

beforeAll(async () => {
  port = await freePort();
  redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  process.once("exit", () => redis.kill("SIGKILL")); // even if the test process ends early, our redis goes with it
  await waitFor("the test's own redis to answer", () => redisCli("ping") === "PONG", { timeoutMs: 10_000, intervalMs: 100 });
  app = await startApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
});

afterAll(async () => {
  await app?.stop();
  redis?.kill("SIGKILL");
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
    expect(redisCli("--scan", "--pattern", "shop:payment-inbox:*")).not.toBe("");
  });

  it("cannot be killed, stopped or redeployed from the app", async () => {
    for (const action of ["kill", "stop", "redeploy"]) {
      const { status, body } = await serviceAction(app, "redis", action, action === "redeploy" ? { strategy: "recreate" } : undefined);
      expect(status).toBe(409);
      expect(body.error).toMatch(/REDIS_URL/);
    }
    expect(redisCli("ping")).toBe("PONG");
  });
});
