// The shop as one real process: the built monolith, started as the supervisor starts it, serves the same storefront
// API as the gateway, follows an order to paid over its in-process bus, and keeps every module's data in one folder.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpEvent, QueueEvent, TelemetryEvent } from "../../lib/contract/events";
import { ChildMessageSchema } from "../../lib/contract/ipc";
import { ROOT_DIR } from "./support/app";
import { rowsOf } from "./support/databases";
import { requestJson } from "./support/http";
import { isAlive } from "./support/processes";
import { Storefront, type Customer } from "./support/storefront";
import { waitFor } from "./support/wait";

const MONOLITH_BUILD = path.join(ROOT_DIR, ".build", "services", "monolith.mjs");
/** One Node process on a busy two-core machine: it listens well within this. */
const READY_TIMEOUT_MS = 15_000;
/** Output lines kept to explain a failure. */
const OUTPUT_LINES = 200;

let child: ChildProcess;
let dataDir: string;
let shop: Storefront;
let customer: Customer;
const output: string[] = [];
const telemetry: TelemetryEvent[] = [];
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

const httpEvents = () => telemetry.filter((event): event is HttpEvent => event.type === "http");
const queueEvents = () => telemetry.filter((event): event is QueueEvent => event.type === "queue");

beforeAll(async () => {
  if (!existsSync(MONOLITH_BUILD)) throw new Error(`${MONOLITH_BUILD} is missing: run node scripts/build-services.mjs first`);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "sandbox-monolith-it-"));
  child = fork(MONOLITH_BUILD, [], {
    cwd: ROOT_DIR,
    env: { PATH: process.env.PATH, SERVICE_ID: "monolith", STACK: "monolith", INSTANCE_ID: "monolith-it-1", SERVICE_VERSION: "1", PORT: "0", DATA_DIR: dataDir, TOKEN_SECRET: "integration-test-secret", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      output.push(...chunk.split("\n").filter(Boolean));
      if (output.length > OUTPUT_LINES) output.splice(0, output.length - OUTPUT_LINES);
    });
  }
  exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let port: number | undefined;
  child.on("message", (raw) => {
    const message = ChildMessageSchema.safeParse(raw);
    if (!message.success) return;
    if (message.data.type === "ready") port = message.data.port;
    else telemetry.push(...message.data.events);
  });
  try {
    await waitFor("the monolith to report ready over IPC", () => port, { timeoutMs: READY_TIMEOUT_MS, intervalMs: 20 });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- monolith output ---\n${output.join("\n")}`);
  }
  shop = new Storefront(`http://127.0.0.1:${port}`);
  customer = await shop.newCustomer();
});

afterAll(async () => {
  if (child?.pid && isAlive(child.pid)) {
    process.kill(child.pid, "SIGKILL");
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("the monolith", () => {
  it("answers GET /health as the Monolith", async () => {
    expect(await requestJson(`${shop.baseUrl}/health`)).toEqual({ status: 200, body: { status: "Monolith is running" } });
  });

  it("takes a customer from ordering to paid: stock goes down and the email is recorded", async () => {
    const stockBefore = await shop.stockOf("p-mouse");

    const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-mouse", quantity: 2 }] });
    expect(placed.status).toBe(202);
    expect(placed.body.order).toMatchObject({ status: "pending", totalCents: 2 * 2900 });

    const settled = await shop.waitForOrderToSettle(customer.token, placed.body.order!.id);
    expect(settled.status).toBe("paid");
    expect(await shop.stockOf("p-mouse")).toBe(stockBefore - 2);
    const notifications = await waitFor("the order-paid email", async () => {
      const { body } = await shop.notifications(customer.token);
      return body.notifications?.find((notification) => notification.orderId === settled.id);
    });
    expect(notifications).toMatchObject({ orderId: settled.id, kind: "order-paid" });
  });

  it("declines an order above the card limit, and puts its stock back", async () => {
    const stockBefore = await shop.stockOf("p-laptop");
    const placed = await shop.placeOrder(customer.token, { items: [{ productId: "p-laptop", quantity: 1 }] });
    expect(placed.status).toBe(202);
    expect((await shop.waitForOrderToSettle(customer.token, placed.body.order!.id)).status).toBe("payment_failed");
    await waitFor("the laptop's stock to come back", async () => (await shop.stockOf("p-laptop")) === stockBefore);
  });

  it("answers the storefront's refusals as the gateway does", async () => {
    expect(await shop.placeOrder(undefined, { items: [{ productId: "p-mouse", quantity: 1 }] })).toMatchObject({ status: 401, body: { error: expect.any(String) } });
    expect(await shop.product("p-nothing")).toMatchObject({ status: 404, body: { error: expect.any(String) } });
    expect(await shop.register({ email: customer.email, password: "another password", name: "Twin" })).toMatchObject({ status: 409, body: { error: expect.any(String) } });
    expect(await shop.login({ email: customer.email, password: "wrong password" })).toMatchObject({ status: 401, body: { error: expect.any(String) } });
  });

  it("keeps every module's tables in its one database file", () => {
    const entries = readdirSync(dataDir, { withFileTypes: true });
    expect(entries.filter((entry) => !entry.isFile()).map((entry) => entry.name), "no folder per module").toEqual([]);
    expect(entries.filter((entry) => entry.name.endsWith(".sqlite")).map((entry) => entry.name)).toEqual(["monolith.sqlite"]);
    const tables = rowsOf<{ name: string }>(path.join(dataDir, "monolith.sqlite"), "SELECT name FROM sqlite_schema WHERE type = 'table'").map((row) => row.name);
    // Every module's tables: user, auth, product, order, payment and notification.
    for (const table of ["users", "credentials", "products", "reservations", "orders", "outbox", "charges", "notifications"]) expect(tables).toContain(table);
    const modules = rowsOf<{ module: string }>(path.join(dataDir, "monolith.sqlite"), "SELECT DISTINCT module FROM schema_migrations ORDER BY module").map((row) => row.module);
    expect(modules).toEqual(["auth", "notifications", "orders", "payments", "products", "users"]);
  });

  it("reports requests from outside as client → monolith, and the calls between its modules as in-process hops in the same trace", async () => {
    const order = await waitFor("the order's entry request", () => httpEvents().find((event) => event.from === "client" && event.method === "POST" && event.path === "/api/orders" && event.status === 202));
    expect(order).toMatchObject({ stack: "monolith", to: "monolith" });
    const inTrace = <E extends HttpEvent | QueueEvent>(events: E[]) => events.filter((event) => event.traceId === order.traceId);

    const hops = inTrace(httpEvents()).filter((event) => event.via === "in-process").map((event) => `${event.from} → ${event.to} ${event.method} ${event.path.split("?")[0]}`);
    expect(hops).toEqual(expect.arrayContaining(["api-gateway → auth-service POST /verify", "api-gateway → order-service POST /orders", "order-service → product-service POST /reservations"]));
    const jobs = await waitFor("the order's events to be handled", () => {
      const done = inTrace(queueEvents()).filter((event) => event.state === "completed").map((event) => `${event.queue} ${event.job}`);
      return done.length >= 6 ? done : undefined;
    });
    expect(jobs).toEqual(expect.arrayContaining(["payment-inbox OrderCreated", "order-inbox PaymentSucceeded", "product-inbox PaymentSucceeded", "notification-inbox PaymentSucceeded", "order-inbox InventoryUpdated", "order-inbox EmailSent"]));
    expect(inTrace(queueEvents()).every((event) => event.stack === "monolith")).toBe(true);
  });

  it("leaves when its supervisor's channel closes, so it never outlives the app", async () => {
    child.disconnect();
    expect(await exited).toEqual({ code: 0, signal: null });
  });
});
