// The sandbox's wiring, on a fake process driver: faults reach every process, kills and crashes become incidents
// once, in their own words. The processes are fakes that report a real /health server as theirs; no service runs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ParentMessage } from "../contract/ipc";
import { FakeDriver, type FakeProcess } from "./processes/testing/fake-driver";
import { Sandbox } from "./sandbox";

let health: http.Server;
let driver: FakeDriver;
let sandbox: Sandbox;

beforeAll(async () => {
  health = http.createServer((request, response) => response.writeHead(request.url === "/health" ? 200 : 404).end());
  await new Promise<void>((resolve) => health.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => health.close(() => resolve())));

beforeEach(async () => {
  driver = new FakeDriver((health.address() as AddressInfo).port);
  // A broker given by URL (nothing listens there) keeps redis-server out: only the shop's processes are faked.
  sandbox = new Sandbox({ rootDir: process.cwd(), redisUrl: "redis://127.0.0.1:1", architecture: "both", driver });
  await sandbox.start();
});
afterEach(() => sandbox.shutdown());

const serviceOf = (fake: FakeProcess) => fake.request.env.SERVICE_ID;
const faultMessages = (fake: FakeProcess) => fake.sent.filter((message): message is Extract<ParentMessage, { type: "faults" }> => (message as ParentMessage).type === "faults");

describe("faults", () => {
  it("a fault added reaches every running process of both stacks, and a process started later is greeted with it", async () => {
    expect(driver.alive().map(serviceOf).sort()).toEqual(["api-gateway", "auth-service", "monolith", "notification-service", "order-service", "payment-service", "product-service", "user-service"]);
    const fault = sandbox.faults.add({ service: "payment-service", type: "errors", rate: 0.5 });
    for (const fake of driver.alive()) expect(faultMessages(fake).at(-1)?.faults, serviceOf(fake)).toEqual([fault]);

    await sandbox.redeploy("payment-service", "recreate");
    const fresh = driver.alive().find((fake) => serviceOf(fake) === "payment-service")!;
    expect(fresh.request.env.SERVICE_VERSION).toBe("2");
    expect(faultMessages(fresh)).toEqual([{ type: "faults", faults: [fault] }]);
  });

  it("a fault put in force is a failure of each stack it targets, however it was added", () => {
    sandbox.faults.add({ service: "payment-service", type: "errors", rate: 0.5, stack: "monolith" });
    expect(sandbox.incidents.lastFailure("monolith")).toMatchObject({ what: "an errors fault on payment-service", service: "payment-service" });
    expect(sandbox.incidents.lastFailure("microservices")).toBeNull();
    sandbox.faults.add({ service: "product-service", type: "latency", ms: 300 });
    expect(sandbox.incidents.lastFailure("microservices")?.what).toBe("a latency fault on product-service");
    // A slowing fault keeps each stack's figures from just before it, to say later what slowed.
    expect(sandbox.shoppers.baseline("microservices")?.what).toBe("a latency fault on product-service");
  });

  it("a fault cleared is cleared in every process", () => {
    sandbox.faults.add({ service: "order-service", type: "latency", ms: 200 });
    sandbox.faults.clear();
    for (const fake of driver.alive()) expect(faultMessages(fake).at(-1)?.faults, serviceOf(fake)).toEqual([]);
  });
});

describe("incidents", () => {
  it("a kill is recorded once, as a kill: the process's exit does not record it again as a crash", async () => {
    await sandbox.kill("payment-service");
    expect(sandbox.incidents.lastFailure("microservices")).toMatchObject({ what: "payment-service was killed", service: "payment-service" });
    const lifecycle = sandbox.hub.recent().filter((event) => event.type === "lifecycle" && event.service === "payment-service" && event.to !== "starting" && event.to !== "healthy");
    expect(lifecycle.map((event) => (event.type === "lifecycle" ? event.to : null))).toEqual(["stopping", "stopped"]);
    expect(sandbox.incidents.lastFailure("monolith")).toBeNull();
  });

  it("a process that dies by itself is recorded as a crash of its own stack, in words", async () => {
    const monolith = driver.alive().find((fake) => serviceOf(fake) === "monolith")!;
    monolith.exit(1, null);
    await expect.poll(() => sandbox.incidents.lastFailure("monolith")?.what).toMatch(/^monolith crashed \(/);
    expect(sandbox.incidents.lastFailure("microservices")).toBeNull();
  });
});

describe("stacks", () => {
  it("a service of a stack that is not running is refused with 409, an unknown one with 404", async () => {
    await sandbox.setArchitecture("monolith");
    expect(driver.alive().map(serviceOf)).toEqual(["monolith"]);
    expect(() => sandbox.supervisorOf("payment-service")).toThrow(expect.objectContaining({ status: 409, message: expect.stringContaining("not running") }));
    expect(() => sandbox.supervisorOf("nope")).toThrow(expect.objectContaining({ status: 404 }));
  });
});
