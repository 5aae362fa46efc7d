// A step that asks the learner to look back passes on the moment they mark, read in what the run recorded: a moment
// before the kill keeps it open and says what that moment showed, the moment of the kill passes; and a moment is
// refused where no step asks for one, or before it has happened.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LifecycleEvent } from "../../lib/contract/events";
import { startApp, type RunningApp } from "./support/app";
import { LessonDriver } from "./support/lesson-driver";
import { watchTelemetry, type TelemetryWatcher } from "./support/telemetry";

let app: RunningApp;
let driver: LessonDriver;
let telemetry: TelemetryWatcher;

beforeAll(async () => {
  app = await startApp();
  driver = new LessonDriver(app);
  telemetry = await watchTelemetry(app.origin);
});

afterAll(async () => {
  telemetry?.close();
  await driver?.post("/api/lessons/run/stop");
  await app?.stop();
});

const mark = (step: string, at: number) => driver.post("/api/lessons/run/moment", { step, at });

describe("a look back", () => {
  it("at-least-once: a moment before the kill stays open and says why; the moment payment-service went down passes, naming the job it held", async () => {
    const started = await driver.start("at-least-once", "find-held-job");
    const index = started.stepIndex;
    const killed = telemetry.events.find((event): event is LifecycleEvent & { seq: number } => event.type === "lifecycle" && event.service === "payment-service" && event.to === "stopping");
    expect(killed, "the step's setup killed payment-service").toBeDefined();

    const early = await mark("find-held-job", killed!.ts - 50);
    expect(early.status).toBe(200);
    expect(early.body.run?.steps[index]).toMatchObject({ status: "active", moment: killed!.ts - 50 });
    expect(early.body.run?.steps[index].checks[0].missing).toBe("not that moment: payment-service was running at that moment");

    const right = await mark("find-held-job", killed!.ts + 1);
    expect(right.status).toBe(200);
    const done = await driver.stepDone(index);
    expect(done.steps[index].figures).toMatchObject({ "moment.job": "OrderCreated", "moment.state": "taken by payment-service", "moment.sinceDownMs": 1 });
  });

  it("refuses a moment for a step that asks for none, one for another step, and one that has not happened", async () => {
    await driver.start("order-journey", "follow-events");
    const none = await mark("follow-events", Date.now() - 1_000);
    expect(none.status).toBe(400);
    expect(none.body.error).toMatch(/does not ask for a moment/);
    expect((await mark("look-back", Date.now() - 1_000)).status).toBe(409);

    await driver.start("order-journey", "look-back");
    const future = await mark("look-back", Date.now() + 60_000);
    expect(future.status).toBe(400);
    expect(future.body.error).toMatch(/has not happened yet/);
    expect((await driver.run())?.steps.find((step) => step.id === "look-back")?.moment).toBeNull();
    expect((await mark("look-back", 12.5)).status).toBe(400);
  });
});
