// The guided lessons' control API against the real app: the list, bad requests refused in words with nothing
// changed, a deep link's set-up, a broken precondition put back, Show me ticking a step on real orders, Restart
// putting the sandbox back in the lesson's start state, Stop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxState } from "../../lib/contract/control";
import { LessonListSchema, type LessonRun } from "../../lib/contract/lessons";
import { startApp, type RunningApp } from "./support/app";
import { requestJson } from "./support/http";
import { waitFor } from "./support/wait";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const post = (path: string, body: unknown = {}) => requestJson<{ run: LessonRun | null; error?: string }>(`${app.origin}${path}`, { method: "POST", body, timeoutMs: 60_000 });
const run = async () => (await requestJson<{ run: LessonRun | null }>(`${app.origin}/api/lessons/run`)).body.run;
const statusOf = (state: SandboxState, id: string) => state.services.find((service) => service.id === id)?.status;
const isDown = (status: string | undefined) => status === "crashed" || status === "stopped";

describe("the lessons' control API", () => {
  it("lists every lesson with what it proves and its steps", async () => {
    const answer = await requestJson(`${app.origin}/api/lessons`);
    expect(answer.status).toBe(200);
    const { lessons } = LessonListSchema.parse(answer.body);
    expect(lessons.length).toBeGreaterThanOrEqual(8);
    expect(lessons.find((lesson) => lesson.id === "payment-outage")?.steps.map((step) => step.id)).toEqual(["kill-payment", "accept-orders", "drain"]);
  });

  it("refuses an unknown lesson, an unknown step and a bad body with {error}, and changes nothing", async () => {
    const before = await app.state();
    expect(await post("/api/lessons/no-such-lesson/start")).toEqual({ status: 404, body: { error: "there is no lesson called no-such-lesson" } });
    expect(await post("/api/lessons/payment-outage/start", { step: "no-such-step" })).toEqual({ status: 404, body: { error: "the lesson payment-outage has no step called no-such-step" } });
    for (const body of [{ step: 5 }, { step: "drain", also: "this" }, "not json"]) {
      const answer = await post("/api/lessons/payment-outage/start", body);
      expect(answer.status).toBe(400);
      expect(typeof answer.body.error).toBe("string");
    }
    expect(await run()).toBeNull();
    const after = await app.state();
    expect(after.services.map((service) => [service.id, service.status, service.pid])).toEqual(before.services.map((service) => [service.id, service.status, service.pid]));
  });

  it("sets up a deep link's step, notices a broken precondition, puts it back, ticks on Show me, and restarts from the start state", async () => {
    // A deep link to the second step: payment-service is killed for it.
    const opened = await post("/api/lessons/payment-outage/start", { step: "accept-orders" });
    expect(opened.status).toBe(200);
    expect(opened.body.run).toMatchObject({ lessonId: "payment-outage", stepIndex: 1, preparing: null, error: null });
    expect(isDown(statusOf(await app.state(), "payment-service"))).toBe(true);

    // The learner starts payment-service too early: the runner says what changed, and Put it back kills it again.
    expect((await post("/api/services/payment-service/start")).status).toBe(200);
    const broken = await waitFor("the broken precondition to be reported", async () => (await run())?.broken ?? undefined, { timeoutMs: 15_000 });
    expect(broken).toBe("This step needs: payment-service is down. Now payment-service is healthy.");
    const restored = await post("/api/lessons/run/restore");
    expect(restored.body.run).toMatchObject({ broken: null, preparing: null, stepIndex: 1 });
    expect(isDown(statusOf(await app.state(), "payment-service"))).toBe(true);

    // Show me waits for the prediction (the experiment starts after it), then places three real orders through the
    // storefront; the step ticks itself on what the telemetry saw.
    expect(await post("/api/lessons/run/show-me")).toMatchObject({ status: 409, body: { error: "answer the prediction first (or skip it): the experiment starts after it" } });
    expect((await post("/api/lessons/run/predict", { step: "accept-orders", choice: "wait" })).status).toBe(200);
    expect((await post("/api/lessons/run/show-me")).status).toBe(200);
    const ticked = await waitFor("the step to tick", async () => ((await run())?.steps[1].status === "done" ? (await run())! : undefined), { timeoutMs: 30_000 });
    expect(ticked.stepIndex).toBe(2);
    expect(ticked.steps[1].figures.accepted).toBeGreaterThanOrEqual(3);
    expect(ticked.steps[1].satisfiedAt).toBeLessThanOrEqual(ticked.steps[1].tickedAt!);

    // Restart: the lesson's start state again (every service up, faults off) and its first step active.
    const restarted = await post("/api/lessons/payment-outage/start");
    expect(restarted.body.run).toMatchObject({ stepIndex: 0, preparing: null });
    expect(restarted.body.run!.steps.map((step) => step.status)).toEqual(["active", "pending", "pending"]);
    const state = await app.state();
    expect(state.services.filter((service) => service.status !== "healthy").map((service) => service.id)).toEqual([]);
    expect(state.faults).toEqual([]);

    expect(await post("/api/lessons/run/stop")).toEqual({ status: 200, body: { run: null } });
    expect(await run()).toBeNull();
  });
});
