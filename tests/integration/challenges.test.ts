// The challenges against the real shop: each is reached by its own solution, with time, actions and par on its result;
// the learner's own actions on the sandbox are counted, reading is not; and a diagnosis hides its culprit from
// everything a page can read (the state, the fault list, the socket, the failures' words) until it is named, where a
// wrong name does not pass.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import type { LessonRun } from "../../lib/contract/lessons";
import { challenges, findLesson } from "../../lib/lessons/lessons";
import { startApp, type RunningApp } from "./support/app";
import { requestJson } from "./support/http";
import { LessonDriver } from "./support/lesson-driver";
import { waitFor } from "./support/wait";

let app: RunningApp;
let driver: LessonDriver;

beforeAll(async () => {
  app = await startApp();
  driver = new LessonDriver(app);
});

afterAll(async () => {
  await driver?.post("/api/lessons/run/stop");
  await app?.stop();
});

const guess = (service: string, type: string) => driver.post("/api/lessons/run/guess", { service, type });

describe("every challenge is reached by its own solution", () => {
  for (const challenge of challenges()) {
    it(`${challenge.id}: every goal holds on its measurement, and the result counts time, actions and par`, async () => {
      await driver.start(challenge.id);
      for (const [index] of challenge.steps.entries()) {
        const before = await driver.run();
        if (before?.steps[index].status !== "done") await driver.showMe();
        await driver.stepDone(index, 120_000);
      }
      const finished = (await driver.run())!;
      expect(finished.result?.every((line) => !line.includes("?")), finished.result?.join(" | ")).toBe(true);
      expect(finished.challenge).toMatchObject({ shown: true, par: challenge.challenge!.par, endedAt: expect.any(Number) });
      expect(finished.result?.at(-1)).toMatch(/in [\d.]+ s, \d+ actions \(par \d+\), 0 hints/);
    }, 300_000);
  }
});

describe("a challenge counts what the learner does", () => {
  it("flaky-catalogue: one setting changed through the control API is one action; reading the sandbox is none; the goal holds at par", async () => {
    await driver.start("flaky-catalogue");
    await requestJson(`${app.origin}/api/sandbox`);
    await requestJson(`${app.origin}/api/faults`);
    expect((await driver.run())?.challenge?.actions).toBe(0);
    const set = await requestJson(`${app.origin}/api/sandbox/resilience`, { method: "POST", body: { retries: 3 } });
    expect(set.status).toBe(200);
    const done = await driver.stepDone(0, 90_000);
    expect(done.challenge).toMatchObject({ actions: 1, par: 1, hints: 0, shown: false });
    expect(done.result?.[0]).toMatch(/1 actions \(par 1\), 0 hints\.$/);
  });

  it("hints are given on request only, counted, and refused once there are no more", async () => {
    const started = await driver.start("stuck-orders");
    expect(started.challenge?.hints).toBe(0);
    const hints = findLesson("stuck-orders")!.steps[0].hints.length;
    for (let asked = 1; asked <= hints; asked++) expect((await driver.post("/api/lessons/run/hint")).body.run?.challenge?.hints).toBe(asked);
    const more = await driver.post("/api/lessons/run/hint");
    expect(more.status).toBe(409);
    expect(more.body.error).toBe("there is no other hint");
  });
});

describe("a diagnosis", () => {
  it("who-broke-the-shop: the culprit is in no state, fault list, socket message or failure text before it is named; a wrong name does not pass; the right one reveals it", async () => {
    const diagnosis = findLesson("who-broke-the-shop")!.challenge!;
    // Everything a page's socket receives, from before the challenge starts.
    const heard: string[] = [];
    const socket = io(app.origin, { transports: ["websocket"], reconnection: false });
    socket.onAny((name: string, ...payload: unknown[]) => heard.push(`${name} ${JSON.stringify(payload)}`));
    try {
      await waitFor("the socket's first message", () => heard.length > 0, { timeoutMs: 15_000 });
      await driver.start("who-broke-the-shop");
      // Let the hidden fault bite: shoppers' requests fail or slow, and the stream carries them.
      await waitFor("shoppers' calls in the stream", () => heard.filter((line) => line.startsWith("events")).length >= 20, { timeoutMs: 30_000 });

      expect((await app.state()).faults).toEqual([]);
      expect((await requestJson<{ faults: unknown[] }>(`${app.origin}/api/faults`)).body.faults).toEqual([]);
      const run = (await driver.run())!;
      expect(run.challenge?.culprit).toBeNull();
      expect(JSON.stringify(run)).not.toMatch(/"(latency|errors|cpu-hog)"/);
      for (const line of heard) {
        expect(line).not.toMatch(/"faults":\[\{/);
        expect(line).not.toMatch(/injected/i);
      }

      // No culprit of this challenge is a partition on payment-service: that guess is wrong, and the step stays open.
      expect(diagnosis.culprits!.some((culprit) => culprit.service === "payment-service")).toBe(false);
      const wrong = await guess("payment-service", "partition");
      expect(wrong.status).toBe(200);
      expect(wrong.body.run?.steps[0]).toMatchObject({ status: "active" });
      expect(wrong.body.run?.steps[0].checks[0]).toMatchObject({ met: false, missing: "1 guess so far, none right" });
      expect(wrong.body.run?.challenge?.culprit).toBeNull();

      await driver.showMe();
      const named = await driver.stepDone(0);
      const culprit = named.challenge!.culprit!;
      expect(diagnosis.culprits!.some((candidate) => candidate.service === culprit.service && candidate.type === culprit.type)).toBe(true);
      expect(named.steps[0].figures).toMatchObject({ culprit: `${culprit.type} on ${culprit.service}`, wrongGuesses: 1 });
      // Named, it is a fault like any other: listed, and clearable.
      await waitFor("the culprit listed", async () => (await app.state()).faults.some((fault) => fault.service === culprit.service && fault.type === culprit.type), { timeoutMs: 5_000 });
      expect((await guess(culprit.service, culprit.type)).status).toBe(409);
    } finally {
      socket.close();
    }
  });

  it("refuses a guess where no culprit is hidden, and a body that names no service or kind", async () => {
    await driver.start("order-journey");
    const none = await guess("product-service", "latency");
    expect(none.status).toBe(400);
    expect(none.body.error).toMatch(/no hidden culprit/);
    await driver.start("who-broke-the-shop");
    expect((await guess("nowhere-service", "latency")).status).toBe(400);
    expect((await guess("product-service", "rust")).status).toBe(400);
    expect((await driver.run())?.challenge?.guesses).toEqual([]);
  });
});

export type { LessonRun };
