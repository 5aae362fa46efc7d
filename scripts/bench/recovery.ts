// Recovery times (failure scenarios): a killed consumer's backlog drained, the broker back and every queue working,
// and a dead replica no longer getting calls.
import http from "node:http";
import { ms, waitFor, type RunningApp } from "./app";
import { audit, call, control, shopper, state } from "./control";
import { STOREFRONT_ROUTES, storefrontPath } from "../../lib/contract/storefront-paths";

/** Orders placed while payment-service is down, then timed as its restart drains them. */
export async function measureBacklogDrain(app: RunningApp, orders = 200): Promise<string[]> {
  const { storefront, token } = await shopper(app);
  await control(app, "POST", "/api/services/payment-service/kill");
  const placing = Array.from({ length: 10 }, async (_, lane) => {
    for (let i = lane; i < orders; i += 10) await call(`${storefront}${storefrontPath(STOREFRONT_ROUTES.placeOrder)}`, "POST", { items: [{ productId: "p-mouse", quantity: 1 }] }, token);
  });
  await Promise.all(placing);
  const started = performance.now();
  await control(app, "POST", "/api/services/payment-service/start");
  const restarted = performance.now() - started;
  await waitFor("the backlog to drain", async () => ((await audit(app)).pending === 0 ? true : undefined), 120_000, 50);
  const seconds = (performance.now() - started) / 1000;
  return [`payment-service killed, ${orders} orders accepted meanwhile; from its restart (${ms(restarted)} to healthy) to every order settled: ${seconds.toFixed(1)} s = ${(orders / seconds).toFixed(0)} orders/s`];
}

/** From `start redis` to an order that crosses every inbox (payment, order, product, notification) again. */
export async function measureBrokerReturn(app: RunningApp): Promise<string[]> {
  const { storefront, token } = await shopper(app);
  await control(app, "POST", "/api/services/redis/kill");
  const started = performance.now();
  await control(app, "POST", "/api/services/redis/start");
  const up = performance.now() - started;
  const { body } = await call<{ order: { id: string } }>(`${storefront}${storefrontPath(STOREFRONT_ROUTES.placeOrder)}`, "POST", { items: [{ productId: "p-mouse", quantity: 1 }] }, token);
  await waitFor("the probe order's email", async () => {
    const { body: answer } = await call<{ notifications: Array<{ orderId: string }> }>(`${storefront}${storefrontPath(STOREFRONT_ROUTES.myNotifications)}`, "GET", undefined, token);
    return answer.notifications.some((notification) => notification.orderId === body.order.id) ? true : undefined;
  }, 60_000, 20);
  return [`broker restart: redis healthy after ${ms(up)}; an order through all four inboxes (paid and emailed) ${ms(performance.now() - started)} after the start`];
}

/** Three product-service replicas under steady calls; one is SIGKILLed; how long until no call fails. */
export async function measureReplicaDeath(app: RunningApp): Promise<string[]> {
  await control(app, "POST", "/api/services/product-service/scale", { replicas: 3 });
  const gateway = (await state(app)).stacks[0].storefrontUrl!;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const failures: number[] = [];
  let killedAt = 0;
  let running = true;
  const loop = async () => {
    for (let i = 0; running && i < 50_000; i++) {
      const status = await new Promise<number>((resolve) => {
        const request = http.get(`${gateway}${storefrontPath(STOREFRONT_ROUTES.products)}`, { agent, timeout: 5_000 }, (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        });
        request.on("error", () => resolve(0));
      });
      if ((status === 0 || status >= 500) && killedAt) failures.push(performance.now() - killedAt);
    }
  };
  const loops = Array.from({ length: 4 }, loop);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const victim = (await state(app)).services.find((service) => service.id === "product-service")!.instances.find((instance) => instance.status === "healthy")!.pid!;
  killedAt = performance.now();
  process.kill(victim, "SIGKILL");
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  running = false;
  await Promise.all(loops);
  await control(app, "POST", "/api/services/product-service/scale", { replicas: 1 });
  const last = failures.length > 0 ? Math.max(...failures) : 0;
  return [`replica death: ${failures.length} failed calls after one of 3 product-service replicas was SIGKILLed; the last ${ms(last)} after the kill (then the gateway no longer routes to it)`];
}
