// The lesson runner with its sources faked (state, telemetry, audit, the calls it performs) and a fake clock: what
// ticks a step and when, in which order the checks are read, restarting, a broken precondition put back, pushes.
import type { FaultBody } from "../contract/faults";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Audit, SandboxState } from "../contract/control";
import type { NumberedEvent, TelemetryEvent } from "../contract/events";
import type { Lesson, LessonAction, LessonRun } from "../contract/lessons";
import { T0, lifecycle, noTraffic, orderPlaced, service, state } from "./testing/check-fixtures";
import type { ShopperSample } from "./check-input";
import { LessonRunner, TICK_MS, type LessonSources } from "./lesson-runner";

/** A sandbox made of plain data: the runner reads it, and the calls it performs change it as the real ones would. */
class FakeSandbox implements LessonSources {
  current: SandboxState = state(["api-gateway", "order-service", "payment-service", "redis"].map((id) => service(id)));
  audits: Audit[] = [];
  auditReads = 0;
  started: string[] = [];
  performed: LessonAction[][] = [];
  /** Set to hold "applyStart" until the test lets it finish. */
  holdStart: Promise<void> | null = null;
  failPerform: string | null = null;
  hidden: FaultBody[] = [];
  revealed: Array<Pick<FaultBody, "service" | "type">> = [];
  hide = (faults: readonly FaultBody[]) => void this.hidden.push(...faults);
  reveal = (fault: Pick<FaultBody, "service" | "type">) => void this.revealed.push({ service: fault.service, type: fault.type });
  private batchListeners = new Set<(batch: NumberedEvent[]) => void>();
  private stateListeners = new Set<(state: SandboxState) => void>();
  private shopperListeners = new Set<(sample: ShopperSample) => void>();
  private seq = 0;

  state = () => this.current;
  subscribe = (listener: (batch: NumberedEvent[]) => void) => (this.batchListeners.add(listener), () => void this.batchListeners.delete(listener));
  onState = (listener: (state: SandboxState) => void) => (this.stateListeners.add(listener), () => void this.stateListeners.delete(listener));
  onShopper = (listener: (sample: ShopperSample) => void) => (this.shopperListeners.add(listener), () => void this.shopperListeners.delete(listener));
  traffic = () => noTraffic;
  lastRedeploy: LessonSources["lastRedeploy"] = () => null;
  lastFailure = () => null;
  metrics = () => ({ windowS: 10, services: [], stacks: [], queues: [] });
  audit = async () => (this.auditReads++, this.audits);
  applyStart = async (lesson: Lesson) => {
    this.started.push(lesson.id);
    await this.holdStart;
    this.setStatus("payment-service", "healthy", false);
  };
  perform = async (actions: readonly LessonAction[]) => {
    this.performed.push([...actions]);
    if (this.failPerform) throw new Error(this.failPerform);
    for (const action of actions) if (action.do === "kill") this.setStatus(action.service, "crashed", false);
  };

  setStatus(id: string, status: "healthy" | "crashed", announce = true) {
    this.current = { ...this.current, services: this.current.services.map((view) => (view.id === id ? service(id, status) : view)) };
    if (announce) for (const listener of this.stateListeners) listener(this.current);
  }
  setBacklog(waiting: number) {
    this.current = { ...this.current, queues: [{ name: "payment-inbox", waiting, active: 0, completed: 0, failed: 0, delayed: 0 }] };
  }
  emit(...events: TelemetryEvent[]) {
    for (const listener of this.batchListeners) listener(events.map((event) => ({ ...event, seq: ++this.seq })));
  }
  get listening() {
    return this.batchListeners.size + this.stateListeners.size + this.shopperListeners.size;
  }
}

let sandbox: FakeSandbox;
let runner: LessonRunner;
let pushes: Array<LessonRun | null>;

const run = () => runner.view()!;
const statuses = () => run().steps.map((step) => step.status);

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ["Date", "setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
  sandbox = new FakeSandbox();
  runner = new LessonRunner(sandbox);
  pushes = [];
  runner.onChange((view) => pushes.push(view && structuredClone(view)));
});

afterEach(() => {
  runner.dispose();
  vi.useRealTimers();
});

describe("LessonRunner", () => {
  it("sets up the start state, then opens the first step and reports each change to its subscribers", async () => {
    await runner.start("payment-outage");
    expect(sandbox.started).toEqual(["payment-outage"]);
    expect(pushes[0]).toMatchObject({ lessonId: "payment-outage", preparing: "setting up “Payment dies, the shop stays up”" });
    expect(pushes.at(-1)).toMatchObject({ preparing: null, stepIndex: 0 });
    expect(statuses()).toEqual(["active", "pending", "pending"]);
    expect(run().steps[0].checks).toEqual([{ label: "payment-service is down", met: false, missing: "payment-service is healthy" }]);
  });

  it("ticks the step as soon as the sandbox reports the goal reached, and opens the next without a check button", async () => {
    await runner.start("payment-outage");
    vi.advanceTimersByTime(1_000);
    sandbox.setStatus("payment-service", "crashed");
    expect(statuses()).toEqual(["done", "active", "pending"]);
    expect(run().stepIndex).toBe(1);
    expect(pushes.at(-1)?.steps[0].status).toBe("done");
  });

  it("reads a check that has no event (a queue's backlog) on its own tick", async () => {
    await runner.start("payment-outage", "accept-orders");
    runner.predict("accept-orders", "wait");
    const at = Date.now();
    sandbox.emit(lifecycle(at + 10, "payment-service", "healthy", "crashed"), orderPlaced(at + 20), orderPlaced(at + 30), orderPlaced(at + 40));
    expect(run().steps[1].checks.map((check) => check.met)).toEqual([true, true, false]);
    sandbox.setBacklog(3);
    expect(statuses()[1]).toBe("active");
    vi.advanceTimersByTime(TICK_MS);
    expect(statuses()).toEqual(["skipped", "done", "active"]);
    expect(run().steps[1].figures).toEqual({ accepted: 3, backlog: 3 });
  });

  it("evaluates only the active step, over events from when it opened: orders placed earlier count for nothing", async () => {
    await runner.start("payment-outage");
    sandbox.setStatus("payment-service", "crashed", false);
    sandbox.setBacklog(3);
    // Three orders accepted while payment-service is down, but before the step asking for them opened.
    vi.advanceTimersByTime(50);
    sandbox.emit(orderPlaced(Date.now() - 30), orderPlaced(Date.now() - 20), orderPlaced(Date.now() - 10));
    expect(statuses()).toEqual(["done", "active", "pending"]);
    runner.predict("accept-orders", null);
    vi.advanceTimersByTime(TICK_MS);
    expect(run().steps[1].checks[1]).toMatchObject({ met: false, missing: "0 of 3 orders accepted while payment-service is down" });
    sandbox.emit(orderPlaced(Date.now()), orderPlaced(Date.now()));
    expect(run().steps[1].checks[1].missing).toBe("2 of 3 orders accepted while payment-service is down");
    sandbox.emit(orderPlaced(Date.now()));
    expect(statuses()).toEqual(["done", "done", "active"]);
  });

  it("lists the checks in the order the step names them, each with what is still missing", async () => {
    await runner.start("payment-outage", "drain");
    expect(run().steps[2].checks.map((check) => check.label)).toEqual(["payment-service is running and healthy", "every accepted order settled, none charged twice (microservices)"]);
    expect(run().steps[2].checks.map((check) => check.missing)).toEqual(["payment-service is crashed", "reading the shop's data…"]);
  });

  it("reads the audit for a settle check at most once a second, and ticks once it says every order settled", async () => {
    sandbox.audits = [{ stack: "microservices", orders: 3, pending: 3, paid: 0, paymentFailed: 0, chargedTwice: 0, stockMismatches: 0, problems: [] }];
    await runner.start("payment-outage", "drain");
    sandbox.setStatus("payment-service", "healthy");
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(run().steps[2].checks[0].met).toBe(true);
    expect(run().steps[2].checks[1].missing).toBe("3 of 3 orders still pending");
    const reads = sandbox.auditReads;
    await vi.advanceTimersByTimeAsync(600);
    expect(sandbox.auditReads).toBe(reads);
    sandbox.audits = [{ ...sandbox.audits[0], pending: 0, paid: 3 }];
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run().result?.[1]).toBe("When it came back every order settled: 3 paid, 0 payment failed, 0 pending, 0 charged twice (of 3 orders in the shop).");
    expect(statuses()[2]).toBe("done");
  });

  it("says what an earlier step set up no longer holds only after 2 s, and puts it back", async () => {
    await runner.start("payment-outage", "accept-orders");
    sandbox.setStatus("payment-service", "healthy");
    vi.advanceTimersByTime(TICK_MS);
    expect(run().broken).toBeNull();
    vi.advanceTimersByTime(2_000);
    expect(run().broken).toBe("This step needs: payment-service is down. Now payment-service is healthy.");
    expect(pushes.at(-1)?.broken).toBe(run().broken);
    await runner.restore();
    expect(sandbox.performed.at(-1)).toEqual([{ do: "kill", service: "payment-service" }]);
    expect(run()).toMatchObject({ broken: null, preparing: null, stepIndex: 1 });
  });

  it("a diagnosis: hides a culprit and a decoy on another service, counts a wrong guess, reveals the right one, and puts it back in plain sight", async () => {
    await runner.start("who-broke-the-shop");
    expect(sandbox.hidden).toHaveLength(2);
    const [culprit, decoy] = sandbox.hidden;
    expect(decoy.service).not.toBe(culprit.service);
    expect(run().challenge).toMatchObject({ culprit: null, guesses: [], actions: 0 });
    runner.guess(decoy.service, decoy.type);
    expect(run().challenge?.guesses).toEqual([{ service: decoy.service, type: decoy.type, right: false }]);
    expect(sandbox.revealed).toEqual([]);
    runner.guess(culprit.service, culprit.type);
    expect(sandbox.revealed).toEqual([{ service: culprit.service, type: culprit.type }]);
    expect(run().challenge?.culprit).toEqual({ service: culprit.service, type: culprit.type });
    expect(statuses()).toEqual(["done", "active"]);
    // "Put it back" starts over from the start state (faults cleared): the named culprit comes back, visible this time.
    await runner.restore();
    expect(sandbox.hidden).toHaveLength(2);
    expect(sandbox.performed.at(-1)).toEqual([{ do: "fault", fault: culprit }]);
    runner.countAction();
    expect(run().challenge?.actions).toBe(1);
  });

  it("forgets a break that mends itself within 2 s (a recreate passes through stopped)", async () => {
    await runner.start("payment-outage", "accept-orders");
    sandbox.setStatus("payment-service", "healthy");
    vi.advanceTimersByTime(1_000);
    sandbox.setStatus("payment-service", "crashed");
    vi.advanceTimersByTime(2_000);
    expect(run().broken).toBeNull();
  });

  it("restarts a lesson from its first step, and a set-up overtaken by a newer start never reopens the old run", async () => {
    await runner.start("payment-outage");
    sandbox.setStatus("payment-service", "crashed");
    expect(run().stepIndex).toBe(1);
    let release!: () => void;
    sandbox.holdStart = new Promise((resolve) => (release = resolve));
    const first = runner.start("payment-outage", "drain");
    sandbox.holdStart = null;
    await runner.start("payment-outage");
    expect(run()).toMatchObject({ stepIndex: 0, preparing: null });
    release();
    await first;
    expect(run().stepIndex).toBe(0);
    expect(statuses()).toEqual(["active", "pending", "pending"]);
  });

  it("performs the step's solution on Show me, and tells what it could not do", async () => {
    await runner.start("payment-outage");
    await runner.showMe();
    expect(sandbox.performed.at(-1)).toEqual([{ do: "kill", service: "payment-service" }]);
    expect(statuses()[0]).toBe("done");
    sandbox.failPerform = "redis is down";
    runner.predict("accept-orders", "wait");
    await runner.showMe();
    expect(run().error).toBe("redis is down");
  });

  it("holds a step whose claim held until the learner predicts, then gives the verdict and why", async () => {
    await runner.start("payment-outage", "accept-orders");
    await expect(runner.showMe()).rejects.toMatchObject({ status: 409, message: "answer the prediction first (or skip it): the experiment starts after it" });
    sandbox.setBacklog(3);
    sandbox.emit(orderPlaced(Date.now()), orderPlaced(Date.now()), orderPlaced(Date.now()));
    vi.advanceTimersByTime(TICK_MS);
    expect(statuses()[1]).toBe("active");
    expect(run().steps[1].checks[0]).toEqual({ label: "your prediction, made before you act", met: false, missing: "answer the question above, or skip it" });
    runner.predict("accept-orders", "fail");
    expect(statuses()[1]).toBe("done");
    expect(run().steps[1].verdict).toMatchObject({ correct: false, expected: "Orders are accepted and wait", explain: expect.stringMatching(/^That is what happens when the caller waits/) });
    expect(run().steps[1].prediction).toEqual({ choice: "fail", late: false });
  });

  it("locks a prediction once given, and refuses an answer that is not a choice or a step that is not open", async () => {
    await runner.start("payment-outage", "accept-orders");
    expect(() => runner.predict("accept-orders", "maybe")).toThrow("“maybe” is not one of the answers to “payment-service is dead. What happens to new orders?”");
    expect(() => runner.predict("drain", "wait")).toThrow(/^the open step is/);
    runner.predict("accept-orders", null);
    expect(() => runner.predict("accept-orders", "wait")).toThrow("the prediction for this step is already locked");
    expect(run().steps[1].prediction).toEqual({ choice: null, late: false });
  });

  it("says the run contradicts the claim once the measurement has said so for 3 s, and not before", async () => {
    let redeploy: ReturnType<LessonSources["lastRedeploy"]> = null;
    sandbox.lastRedeploy = () => redeploy;
    await runner.start("monolith-redeploy", "redeploy");
    runner.predict("redeploy", "everything");
    // A rolling redeploy where the step asks for a recreate: nothing failed, so the claim cannot show.
    redeploy = { service: "monolith", strategy: "rolling", startedAt: Date.now(), endedAt: Date.now() + 500, requests: 40, failed: 0, unavailableMs: 0 };
    vi.advanceTimersByTime(2_000);
    expect(run().steps[1].checks[1].contradicts).toBe("that was a rolling redeploy; this step asks for recreate");
    expect(run().steps[1].contradiction).toBeNull();
    vi.advanceTimersByTime(2_000);
    expect(run().steps[1].contradiction).toMatch(/that was a rolling redeploy; this step asks for recreate$/);
    expect(statuses()[1]).toBe("active");
  });

  it("refuses a lesson or step that does not exist", async () => {
    await expect(runner.start("no-such-lesson")).rejects.toMatchObject({ status: 404, message: "there is no lesson called no-such-lesson" });
    await expect(runner.start("payment-outage", "no-such-step")).rejects.toThrow("the lesson payment-outage has no step called no-such-step");
  });

  it("pushes only when the run changed, and null once stopped; disposed, it stops listening", async () => {
    await runner.start("payment-outage");
    const count = pushes.length;
    vi.advanceTimersByTime(TICK_MS * 5);
    sandbox.emit(orderPlaced(Date.now(), 500));
    expect(pushes.length).toBe(count);
    runner.stop();
    expect(pushes.at(-1)).toBeNull();
    runner.dispose();
    expect(sandbox.listening).toBe(0);
  });
});
