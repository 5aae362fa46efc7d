// Switching what runs: microservices → monolith → both → microservices, from the control API; what is no longer
// wanted stops (its processes are gone), what is wanted starts, and a bad switch request changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxState } from "../../lib/contract/control";
import { startApp, type RunningApp } from "./support/app";
import { requestJson } from "./support/http";
import { isAlive } from "./support/processes";
import { Storefront } from "./support/storefront";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const switchTo = (architecture: unknown) => requestJson<SandboxState & { error?: string }>(`${app.origin}/api/sandbox/architecture`, { method: "POST", body: { architecture }, timeoutMs: 60_000 });
const livePids = (state: SandboxState) => state.services.flatMap((service) => service.instances.map((instance) => instance.pid)).filter((pid): pid is number => pid !== null);

describe("the architecture switch", () => {
  it("replaces the eight microservice processes with the one monolith process, which serves the same shop", async () => {
    const before = await app.state();
    const oldPids = livePids(before);
    expect(oldPids.length).toBe(8);
    const { status, body } = await switchTo("monolith");
    expect(status).toBe(200);
    expect(body.architecture).toBe("monolith");
    expect(body.services.map((service) => `${service.id}:${service.status}`)).toEqual(["monolith:healthy"]);
    expect(body.stacks.map((stack) => stack.id)).toEqual(["monolith"]);
    for (const pid of oldPids) expect(isAlive(pid), `pid ${pid} should be gone`).toBe(false);
    expect((await new Storefront(`${app.origin}/storefront/monolith`).products()).status).toBe(200);
    expect((await new Storefront(`${app.origin}/storefront/microservices`).products()).status).toBe(503);
  });

  it("runs both stacks side by side, then goes back to microservices only", async () => {
    const both = await switchTo("both");
    expect(both.body.stacks.map((stack) => stack.id)).toEqual(["microservices", "monolith"]);
    expect(both.body.services.every((service) => service.status === "healthy")).toBe(true);
    const monolithPid = both.body.services.find((service) => service.id === "monolith")!.pid!;

    const back = await switchTo("microservices");
    expect(back.body.services).toHaveLength(8);
    expect(isAlive(monolithPid)).toBe(false);
  });

  it("refuses an unknown architecture with 400 and keeps what runs", async () => {
    const { status, body } = await switchTo("serverless");
    expect(status).toBe(400);
    expect(body.error).toMatch(/architecture/);
    expect((await app.state()).architecture).toBe("microservices");
  });

  it("refuses to act on a service of a stack that is not running, saying how to get it", async () => {
    const { status, body } = await requestJson(`${app.origin}/api/services/monolith/kill`, { method: "POST" });
    expect(status).toBe(409);
    expect(body.error).toMatch(/switch the architecture/);
  });
});
