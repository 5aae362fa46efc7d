// Runs one ready-made scenario at a time: switches to the architecture it needs, plays its steps, reads its figures
// every second, and ends after its stated duration (or when stopped) with a summary of what it measured, putting
// back everything it changed: architecture, replicas, services, traffic, faults and resilience.
import type { Audit } from "../../contract/control";
import { SCENARIO_LOG_SERVICE, type ScenarioSummary, type ScenariosView } from "../../contract/scenarios";
import { audit } from "../metrics/audit";
import type { Sandbox } from "../sandbox";
import type { TrafficControl } from "../traffic/traffic-control";
import type { ScenarioControl } from "./scenario-control";
import { SCENARIOS, type ScenarioDefinition } from "./catalogue";
import { ScenarioReadings } from "./readings";
import { putBack, takeBefore, type SandboxBefore } from "./restore";

/** Steps kept per run; scenarios have a handful. */
const MAX_STEPS = 50;
/** How often the live figure is read: as often as the panel asks for it. */
export const READ_EVERY_MS = 1_000;
/** After the traffic stops, its requests in flight get this long to be answered before the summary counts them. */
const SETTLE_MS = 10_000;

class Stopped extends Error {}

interface Run {
  definition: ScenarioDefinition;
  startedAt: number;
  endsAt: number;
  steps: string[];
  abort: AbortController;
  readings: ScenarioReadings;
  before: SandboxBefore;
  auditBefore: Audit[];
  timers: NodeJS.Timeout[];
  /** Its steps playing; settles at the first wait after it is stopped, or when an action under way is done. */
  playing?: Promise<void>;
  /** Set once it is ending: the summary and the restore, awaited by whoever asks it to stop meanwhile. */
  ended?: Promise<void>;
}

export class Scenarios implements ScenarioControl {
  private active: Run | null = null;
  private last: ScenarioSummary | null = null;

  constructor(
    private readonly sandbox: Sandbox,
    private readonly traffic: TrafficControl,
  ) {}

  has = (id: string): boolean => SCENARIOS.some((scenario) => scenario.id === id);

  view(): ScenariosView {
    const run = this.active;
    return {
      scenarios: SCENARIOS.map(({ run: _run, figure: _figure, summarise: _summarise, ...scenario }) => scenario),
      active: run && { id: run.definition.id, startedAt: run.startedAt, endsAt: run.endsAt, steps: run.steps, figure: run.readings.readings > 0 ? run.definition.figure(run.readings) : null },
      last: this.last,
    };
  }

  /** Starts a scenario (stopping the one running, if any); resolves once it is set up and playing. */
  async start(id: string): Promise<ScenariosView> {
    const definition = SCENARIOS.find((scenario) => scenario.id === id)!;
    if (this.active) await this.stop();
    const now = Date.now();
    const run: Run = { definition, startedAt: now, endsAt: now + definition.durationS * 1_000, steps: [], abort: new AbortController(), readings: new ScenarioReadings(), before: takeBefore(this.sandbox, this.traffic), auditBefore: [], timers: [] };
    this.active = run;
    const step = (text: string) => {
      if (run.steps.length < MAX_STEPS) run.steps.push(`${new Date().toLocaleTimeString("en-GB")} ${text}`);
      this.tell(definition.id, text);
    };
    const wait = (ms: number) =>
      new Promise<void>((resolve, reject) => {
        if (run.abort.signal.aborted) return reject(new Stopped());
        const timer = setTimeout(resolve, ms);
        run.abort.signal.addEventListener("abort", () => (clearTimeout(timer), reject(new Stopped())), { once: true });
      });
    if (this.sandbox.architecture !== definition.architecture) {
      step(`switching the architecture to ${definition.architecture}…`);
      await this.sandbox.setArchitecture(definition.architecture);
    }
    run.auditBefore = await audit(this.sandbox);
    // The stated duration counts from here, once the architecture it needs is running.
    run.startedAt = Date.now();
    run.endsAt = run.startedAt + definition.durationS * 1_000;
    run.timers.push(setInterval(() => this.read(run), READ_EVERY_MS), setTimeout(() => void this.end(run, "time").catch(() => {}), definition.durationS * 1_000));
    for (const timer of run.timers) timer.unref();
    const mark = (name: string) => {
      this.read(run);
      run.readings.mark(name);
    };
    run.playing = definition
      .run({ sandbox: this.sandbox, traffic: this.traffic, step, wait, mark })
      .then(() => step(`set up: watch what happens; it stops by itself at ${new Date(run.endsAt).toLocaleTimeString("en-GB")} and puts things back`))
      .catch((error) => {
        if (!(error instanceof Stopped)) step(`could not go on: ${error instanceof Error ? error.message : String(error)}`);
      });
    return this.view();
  }

  /** Ends the scenario now, sums it up and puts the sandbox back as it was before it. */
  async stop(): Promise<ScenariosView> {
    if (this.active) await this.end(this.active, "stop");
    return this.view();
  }

  /** A reset restores everything itself: just drop the scenario. */
  forget(): void {
    if (this.active) this.halt(this.active);
    this.active = null;
  }

  /** One reading of the shoppers' counts (of the scenario's own traffic only) and the queues. */
  private read(run: Run): void {
    const traffic = this.traffic.view();
    const own = traffic.startedAt !== null && traffic.startedAt >= run.startedAt ? traffic : { ...traffic, stacks: [] };
    run.readings.record(own, this.sandbox.state().queues);
  }

  private halt(run: Run): void {
    run.abort.abort();
    for (const timer of run.timers) clearTimeout(timer);
  }

  /** A step told in the event stream too, as a log line: the recording keeps it, and a timeline marks it. */
  private tell(scenarioId: string, text: string): void {
    this.sandbox.hub.emit([{ type: "log", ts: Date.now(), stack: "microservices", service: SCENARIO_LOG_SERVICE, instanceId: scenarioId, level: "info", line: `${scenarioId}: ${text}` }]);
  }

  /** Ends `run` once, however many ask; it stays the active one (with a step saying so) until everything is back. */
  private end(run: Run, endedBy: ScenarioSummary["endedBy"]): Promise<void> {
    run.ended ??= this.summariseAndPutBack(run, endedBy).finally(() => {
      if (this.active === run) this.active = null;
    });
    return run.ended;
  }

  private async summariseAndPutBack(run: Run, endedBy: ScenarioSummary["endedBy"]): Promise<void> {
    this.halt(run);
    const ending = `${endedBy === "time" ? "time is up" : "stopped"}: summing up and putting everything back…`;
    run.steps.push(`${new Date().toLocaleTimeString("en-GB")} ${ending}`);
    this.tell(run.definition.id, ending);
    // An action under way (a scale, a redeploy) must finish first, or putting things back would be refused as busy.
    await run.playing;
    const endedAt = Date.now();
    this.traffic.stop();
    await this.settleTraffic();
    this.read(run);
    const outcome = run.definition.summarise({ readings: run.readings, audit: { before: run.auditBefore, after: await audit(this.sandbox) }, state: this.sandbox.state() });
    const ranS = Math.round((endedAt - run.startedAt) / 1_000);
    const restoreProblems = await putBack(this.sandbox, this.traffic, run.before);
    const ran = endedBy === "time" ? `ran its ${run.definition.durationS} s` : `stopped after ${ranS} s of ${run.definition.durationS}`;
    this.last = { id: run.definition.id, title: run.definition.title, startedAt: run.startedAt, endedAt, endedBy, lines: [ran, ...outcome.lines], figures: { ranS, ...outcome.figures }, restoreProblems };
  }

  /** Waits (bounded) until every request the traffic sent has its answer, so the counts and the audit agree. */
  private async settleTraffic(): Promise<void> {
    const deadline = Date.now() + SETTLE_MS;
    const inFlight = () => this.traffic.view().stacks.some((stack) => stack.sent > stack.ok + stack.failed + stack.refused);
    while (inFlight() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
