// Runs one ready-made scenario at a time: switches to the architecture it needs, plays its steps, and puts things
// back when it is stopped (traffic off, faults cleared, resilience default, stopped services started).
import type { ScenariosView } from "../contract/scenarios";
import { DEFAULT_RESILIENCE } from "../contract/resilience";
import type { Sandbox } from "./sandbox";
import type { ScenarioControl, TrafficControl } from "./sandbox-extras";
import { SCENARIOS, type ScenarioDefinition } from "./scenario-catalogue";

/** Steps kept per run; scenarios have a handful. */
const MAX_STEPS = 50;

class Stopped extends Error {}

export class Scenarios implements ScenarioControl {
  private active: { definition: ScenarioDefinition; startedAt: number; steps: string[]; abort: AbortController } | null = null;

  constructor(
    private readonly sandbox: Sandbox,
    private readonly traffic: TrafficControl,
  ) {}

  has = (id: string): boolean => SCENARIOS.some((scenario) => scenario.id === id);

  view(): ScenariosView {
    return {
      scenarios: SCENARIOS.map(({ run: _run, ...scenario }) => scenario),
      active: this.active && { id: this.active.definition.id, startedAt: this.active.startedAt, steps: this.active.steps },
    };
  }

  /** Starts a scenario (stopping the one running, if any); resolves once it is set up and playing. */
  async start(id: string): Promise<ScenariosView> {
    const definition = SCENARIOS.find((scenario) => scenario.id === id)!;
    if (this.active) await this.stop();
    const abort = new AbortController();
    const run = { definition, startedAt: Date.now(), steps: [] as string[], abort };
    this.active = run;
    const step = (text: string) => {
      if (run.steps.length < MAX_STEPS) run.steps.push(`${new Date().toLocaleTimeString("en-GB")} ${text}`);
    };
    const wait = (ms: number) =>
      new Promise<void>((resolve, reject) => {
        if (abort.signal.aborted) return reject(new Stopped());
        const timer = setTimeout(resolve, ms);
        abort.signal.addEventListener("abort", () => (clearTimeout(timer), reject(new Stopped())), { once: true });
      });
    if (this.sandbox.architecture !== definition.architecture) {
      step(`switching the architecture to ${definition.architecture}…`);
      await this.sandbox.setArchitecture(definition.architecture);
    }
    void definition
      .run({ sandbox: this.sandbox, traffic: this.traffic, step, wait })
      .then(() => step("set up: watch what happens; Stop scenario puts things back"))
      .catch((error) => {
        if (!(error instanceof Stopped)) step(`could not go on: ${error instanceof Error ? error.message : String(error)}`);
      });
    return this.view();
  }

  /** Ends the scenario and puts the sandbox back as it was before it. */
  async stop(): Promise<ScenariosView> {
    const run = this.active;
    this.active = null;
    if (!run) return this.view();
    run.abort.abort();
    this.traffic.stop();
    this.sandbox.faults.clear();
    this.sandbox.setResilience(DEFAULT_RESILIENCE);
    await this.sandbox.restoreServices();
    return this.view();
  }

  /** A reset restores everything itself: just drop the scenario. */
  forget(): void {
    this.active?.abort.abort();
    this.active = null;
  }
}
