// The lesson being run on the server: sets up its start state, keeps a window of the real telemetry, evaluates the
// active step on every batch, state change and tick, moves on by itself when the step passes, and reports each change.
import type { FailureImpact, RedeployImpact } from "../contract/compare";
import type { Audit, Metrics, SandboxState, TrafficView } from "../contract/control";
import type { NumberedEvent, StackId } from "../contract/events";
import type { Figures, Lesson, LessonAction, LessonRun } from "../contract/lessons";
import type { CheckInput, ShopperSample, StepOpening } from "./check-input";
import { fill } from "./figures";
import { findLesson } from "./lessons";
import { needsAudit, needsMetrics } from "./predicates";
import { predictionGate, refusePrediction, verdictOf } from "./prediction";
import { baselineReady } from "./measured-predicates";
import { firstMoment } from "./moment-predicates";
import type { FaultBody } from "../contract/faults";
import type { Challenge } from "../contract/lessons";
import { changeMoment, makesChange } from "./step-change";
import { brokenPrecondition, evaluateStep } from "./step-evaluation";
import { ActionRefused, notFound } from "../sandbox/refused";
import { afterAWhile, LessonWindow, stepOpening } from "./lesson-window";

/** Checks on figures that have no event (traffic tallies, incidents, memory) are looked at this often. */
export const TICK_MS = 200;
/** The audit reads every service's data: at most this often. */
const AUDIT_EVERY_MS = 1_000;
/** A precondition must stay broken this long before the panel says so (a recreate passes through "stopped"). */
const BROKEN_AFTER_MS = 2_000;
/** A measurement must contradict the claim this long before the panel says so: a figure moves as samples come in. */
export const CONTRADICTED_AFTER_MS = 3_000;
/** "Show me" waits at most this long for a baseline before it makes the change anyway (the check then says why it failed). */
const BASELINE_WAIT_MS = 30_000;

export interface LessonSources {
  state(): SandboxState;
  subscribe(listener: (batch: NumberedEvent[]) => void): () => void;
  onState(listener: (state: SandboxState) => void): () => void;
  /** Every shopper's request as the shopper saw it (traffic generator, storefront proxy, the lesson's own shopper). */
  onShopper(listener: (sample: ShopperSample) => void): () => void;
  traffic(): TrafficView;
  lastRedeploy(stack: StackId): RedeployImpact | null;
  lastFailure(stack: StackId): FailureImpact | null;
  metrics(): Metrics;
  audit(): Promise<Audit[]>;
  applyStart(lesson: Lesson): Promise<void>;
  perform(actions: readonly LessonAction[]): Promise<void>;
  /** Puts faults in force that no screen lists (a diagnosis challenge's culprit and decoy). */
  hide(faults: readonly FaultBody[]): void;
  /** A hidden fault, named, becomes one like any other. */
  reveal(fault: Pick<FaultBody, "service" | "type">): void;
}

/** What a diagnosis hid: the culprit to name and a decoy beside it. */
interface Hidden {
  culprit: FaultBody;
  decoy: FaultBody | null;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** A decoy on another service than the culprit's, so naming the decoy's service is always wrong. */
function hideOne(challenge: Challenge): Hidden | null {
  if (!challenge.culprits) return null;
  const culprit = pick(challenge.culprits);
  const decoys = (challenge.decoys ?? []).filter((decoy) => decoy.service !== culprit.service);
  return { culprit, decoy: decoys.length > 0 ? pick(decoys) : null };
}


interface Active {
  lesson: Lesson;
  run: LessonRun;
  /** When the run began, before any setup: what a step opened directly looks back at. */
  runSince: number;
  lessonSince: number;
  stepSince: number;
  byStep: Record<string, Figures>;
  window: LessonWindow;
  /** The active step's change, once seen, its opening, and since when its measurement contradicts the claim. */
  changeAt: number | null;
  opening: StepOpening | null;
  contradictedSince: number | null;
  audit: { at: number; value: Audit[] } | null;
  readingAudit: boolean;
  acting: boolean;
  brokenSince: number | null;
  /** A look back: the moment marked in the active step. */
  moment: { at: number; markedAt: number } | null;
  /** A diagnosis challenge's hidden faults: never in the run a page gets until the culprit is named. */
  hidden: Hidden | null;
}

/** Actions of a solution the runner carries out itself, from what it keeps (the recorded window, the hidden culprit). */
const RUNNER_ACTIONS: ReadonlySet<LessonAction["do"]> = new Set(["mark-moment", "guess-culprit", "clear-culprit"]);

/** A finished challenge's count, as figures its result card can name. */
function challengeFigures(challenge: NonNullable<LessonRun["challenge"]>): Figures {
  return {
    seconds: Math.round(((challenge.endedAt ?? Date.now()) - challenge.startedAt) / 100) / 10,
    actions: challenge.actions,
    par: challenge.par,
    hints: challenge.hints,
    wrongGuesses: challenge.guesses.filter((guess) => !guess.right).length,
  };
}

export class LessonRunner {
  private active: Active | null = null;
  private generation = 0;
  private lastPushed = "";
  private readonly listeners = new Set<(run: LessonRun | null) => void>();
  private readonly stops: Array<() => void>;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly sources: LessonSources) {
    this.stops = [sources.subscribe((batch) => this.take(batch)), sources.onState(() => this.evaluate()), sources.onShopper((sample) => this.active?.window.takeShopper(sample))];
    this.timer = setInterval(() => this.evaluate(), TICK_MS);
    this.timer.unref();
  }

  view(): LessonRun | null {
    return this.active?.run ?? null;
  }

  onChange(listener: (run: LessonRun | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Puts the sandbox in the lesson's start state plus what `stepId` needs, then runs the lesson from that step. */
  async start(lessonId: string, stepId?: string): Promise<LessonRun> {
    const lesson = findLesson(lessonId);
    if (!lesson) throw notFound(`there is no lesson called ${lessonId}`);
    const stepIndex = stepId === undefined ? 0 : lesson.steps.findIndex((step) => step.id === stepId);
    if (stepIndex < 0) throw notFound(`the lesson ${lessonId} has no step called ${stepId}`);
    const generation = ++this.generation;
    const now = Date.now();
    const steps = lesson.steps.map((step, index) => ({
      id: step.id,
      status: index < stepIndex ? ("skipped" as const) : index === stepIndex ? ("active" as const) : ("pending" as const),
      checks: [],
      figures: {},
      satisfiedAt: null,
      measured: null,
      prediction: null,
      verdict: null,
      contradiction: null,
      moment: null,
    }));
    this.active = {
      lesson,
      run: {
        lessonId,
        stepIndex,
        preparing: `setting up “${lesson.title}”`,
        steps,
        broken: null,
        result: null,
        error: null,
        challenge: lesson.challenge ? { startedAt: now, endedAt: null, actions: 0, par: lesson.challenge.par, hints: 0, shown: false, guesses: [], culprit: null } : null,
      },
      runSince: now,
      lessonSince: now,
      stepSince: now,
      byStep: {},
      window: new LessonWindow(),
      changeAt: null,
      opening: null,
      contradictedSince: null,
      audit: null,
      readingAudit: false,
      acting: true,
      brokenSince: null,
      moment: null,
      hidden: lesson.challenge ? hideOne(lesson.challenge) : null,
    };
    this.push();
    await this.prepare(generation, lesson.steps[stepIndex].setup);
    return this.active!.run;
  }

  /** "Put it back": the start state again, and what the active step needs; its window starts again. */
  async restore(): Promise<LessonRun | null> {
    const active = this.active;
    if (!active || active.run.result) return this.view();
    const generation = this.generation;
    active.run.preparing = "putting back what this step needs";
    active.acting = true;
    this.push();
    await this.prepare(generation, active.lesson.steps[active.run.stepIndex].setup);
    return this.view();
  }

  /** The learner's prediction for the active step (null: skipped), locked once given. */
  predict(stepId: string, choice: string | null): LessonRun {
    const active = this.active;
    if (!active || active.run.result) throw new ActionRefused(409, "no lesson step is open");
    const step = active.lesson.steps[active.run.stepIndex];
    if (step.id !== stepId) throw new ActionRefused(409, `the open step is “${step.title}”, not ${stepId}`);
    const stepRun = active.run.steps[active.run.stepIndex];
    const refusal = refusePrediction(step, choice, stepRun.prediction);
    if (refusal) throw new ActionRefused(step.predict ? 409 : 400, refusal);
    stepRun.prediction = { choice, late: active.changeAt !== null };
    this.evaluate();
    this.push();
    return active.run;
  }

  /** A look back: the recorded moment the learner stopped on, for the active step to read. */
  markMoment(stepId: string, at: number): LessonRun {
    const active = this.active;
    if (!active || active.run.result) throw new ActionRefused(409, "no lesson step is open");
    const step = active.lesson.steps[active.run.stepIndex];
    if (step.id !== stepId) throw new ActionRefused(409, `the open step is “${step.title}”, not ${stepId}`);
    if (!step.check.some((spec) => spec.is === "momentFound")) throw new ActionRefused(400, `the step “${step.title}” does not ask for a moment`);
    const now = Date.now();
    if (at > now) throw new ActionRefused(400, "that moment has not happened yet: mark a moment of the recording, rewound or in slow motion");
    if (at < active.runSince) throw new ActionRefused(400, "that moment is from before this lesson began: look within this lesson's run");
    active.moment = { at, markedAt: now };
    active.run.steps[active.run.stepIndex].moment = at;
    this.evaluate();
    this.push();
    return active.run;
  }

  /** A diagnosis challenge's guess: right, the culprit is named and shown like any fault; wrong, it is counted. */
  guess(service: string, type: string): LessonRun {
    const active = this.active;
    if (!active || active.run.result) throw new ActionRefused(409, "no challenge is open");
    const challenge = active.run.challenge;
    if (!challenge || !active.hidden) throw new ActionRefused(400, "this is no diagnosis: there is no hidden culprit to name");
    if (challenge.culprit) throw new ActionRefused(409, `the culprit is already named: ${challenge.culprit.type} on ${challenge.culprit.service}`);
    const { culprit } = active.hidden;
    const right = culprit.service === service && culprit.type === type;
    challenge.guesses.push({ service, type, right });
    if (right) {
      challenge.culprit = { service, type };
      this.sources.reveal(culprit);
    }
    this.evaluate();
    this.push();
    return active.run;
  }

  /** A challenge's hint, asked for: the next one shows, and the count goes on the result. */
  hint(): LessonRun {
    const active = this.active;
    if (!active?.run.challenge || active.run.result) throw new ActionRefused(409, "no challenge is open");
    const hints = active.lesson.steps[active.run.stepIndex].hints.length;
    if (active.run.challenge.hints >= hints) throw new ActionRefused(409, "there is no other hint");
    active.run.challenge.hints++;
    this.push();
    return active.run;
  }

  /** One of the learner's own actions on the sandbox (a kill, a fault, a setting…), counted against a challenge's par. */
  countAction(): void {
    const challenge = this.active?.run.challenge;
    if (!challenge || this.active!.run.result || this.active!.run.preparing) return;
    challenge.actions++;
    this.push();
  }

  /** "Show me": performs the active step's solution through the sandbox's own operations. */
  async showMe(): Promise<LessonRun | null> {
    const active = this.active;
    if (!active || active.run.result) return this.view();
    const open = active.lesson.steps[active.run.stepIndex];
    if (open.predict && active.run.steps[active.run.stepIndex].prediction === null) throw new ActionRefused(409, "answer the prediction first (or skip it): the experiment starts after it");
    active.run.error = null;
    try {
      const cut = open.change ? open.solution.findIndex((action) => makesChange(action, open.change!)) : -1;
      if (active.run.challenge) active.run.challenge.shown = true;
      if (open.solution.some((action) => RUNNER_ACTIONS.has(action.do))) {
        for (const action of open.solution) if (this.active === active) await this.performOne(active, action);
      } else if (cut < 0) await this.sources.perform(open.solution);
      else {
        // An experiment: what runs before the change, then a baseline measured, then the change.
        await this.sources.perform(open.solution.slice(0, cut));
        await this.baseline(active);
        if (this.active === active) await this.sources.perform(open.solution.slice(cut));
      }
    } catch (error) {
      if (this.active === active) active.run.error = error instanceof Error ? error.message : String(error);
    }
    this.evaluate();
    return this.view();
  }

  /** One action of a solution: the runner's own (a moment, a culprit) here, the sandbox's through its operations. */
  private async performOne(active: Active, action: LessonAction): Promise<void> {
    const hidden = active.hidden;
    if (action.do === "mark-moment") this.markFirstMoment(active);
    else if (action.do === "guess-culprit") {
      if (!hidden) throw new Error("this run hid no culprit");
      if (!active.run.challenge?.culprit) this.guess(hidden.culprit.service, hidden.culprit.type);
    } else if (action.do === "clear-culprit") {
      if (!hidden) throw new Error("this run hid no culprit");
      await this.sources.perform([{ do: "clear-fault", service: hidden.culprit.service, type: hidden.culprit.type }]);
    } else await this.sources.perform([action]);
  }

  /** "Show me" of a look back: marks the first moment the run kept that the step's check accepts. */
  private markFirstMoment(active: Active): void {
    const step = active.lesson.steps[active.run.stepIndex];
    const spec = step.check.find((candidate) => candidate.is === "momentFound");
    const at = spec ? firstMoment(spec, active.window.events(this.since(active))) : null;
    if (at === null) throw new Error("this run holds no such moment yet: do the step before it again");
    this.markMoment(step.id, at);
  }

  /** Where the active step's events start. */
  private since(active: Active): number {
    const window = active.lesson.steps[active.run.stepIndex].window;
    return window === "run" ? active.runSince : window === "lesson" ? active.lessonSince : active.stepSince;
  }

  /** Waits, bounded, until the open step's before/after checks have their baseline measured. */
  private async baseline(active: Active): Promise<void> {
    const step = active.lesson.steps[active.run.stepIndex];
    const deadline = Date.now() + BASELINE_WAIT_MS;
    while (this.active === active && Date.now() < deadline) {
      if (baselineReady(step.check, this.input(active, this.since(active), false))) return;
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
  }

  stop(): void {
    this.generation++;
    this.active = null;
    this.push();
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const stop of this.stops) stop();
  }

  private async prepare(generation: number, setup: readonly LessonAction[]): Promise<void> {
    const active = this.active!;
    try {
      await this.sources.applyStart(active.lesson);
      await this.sources.perform(setup);
      // A diagnosis puts its culprit back after every start state (which clears faults): hidden until it is named,
      // then in plain sight, so "Put it back" cannot make clearing it a step already done.
      const hidden = active.hidden;
      if (hidden && !active.run.challenge?.culprit) this.sources.hide([hidden.culprit, ...(hidden.decoy ? [hidden.decoy] : [])]);
      else if (hidden) await this.sources.perform([{ do: "fault", fault: hidden.culprit }]);
      active.run.error = null;
    } catch (error) {
      active.run.error = error instanceof Error ? error.message : String(error);
    }
    if (generation !== this.generation) return;
    const now = Date.now();
    this.openStep(active, now);
    if (active.run.steps.every((step) => step.status !== "done")) {
      active.lessonSince = now;
      // A challenge's clock starts once the sandbox is set up: the set-up is not the learner's time.
      if (active.run.challenge) active.run.challenge.startedAt = now;
    }
    Object.assign(active.run, { preparing: null, broken: null });
    Object.assign(active, { acting: false, brokenSince: null, audit: null });
    this.evaluate();
    this.push();
  }

  private take(batch: NumberedEvent[]): void {
    if (!this.active) return;
    this.active.window.take(batch);
    this.evaluate();
  }

  /** A step opens: its window, change and contradiction start afresh, and what runs now is noted to compare with later. */
  private openStep(active: Active, now: number): void {
    Object.assign(active, { stepSince: now, changeAt: null, contradictedSince: null, moment: null, opening: stepOpening(this.sources.state(), this.sources.metrics(), now) });
    active.run.steps[active.run.stepIndex].contradiction = null;
  }

  private input(active: Active, since: number, wantsMetrics: boolean): CheckInput {
    const stacks: StackId[] = ["microservices", "monolith"];
    const step = active.lesson.steps[active.run.stepIndex];
    return {
      now: Date.now(),
      since,
      events: active.window.events(since),
      state: this.sources.state(),
      traffic: this.sources.traffic(),
      redeploys: Object.fromEntries(stacks.map((stack) => [stack, this.sources.lastRedeploy(stack)])),
      failures: Object.fromEntries(stacks.map((stack) => [stack, this.sources.lastFailure(stack)])),
      metrics: wantsMetrics ? this.sources.metrics() : null,
      audit: active.audit && active.audit.at >= active.stepSince ? active.audit.value : null,
      shoppers: active.window.shoppersSince(since),
      changeAt: active.changeAt,
      settleMs: step.settleMs,
      opening: active.opening,
      moment: active.moment,
      challenge: active.hidden ? { culprit: active.hidden.culprit, named: active.run.challenge?.culprit != null, guesses: active.run.challenge?.guesses.filter((guess) => !guess.right).length ?? 0 } : null,
    };
  }

  private evaluate(): void {
    const active = this.active;
    if (!active || active.run.preparing || active.run.result) return;
    const { lesson, run } = active;
    const step = lesson.steps[run.stepIndex];
    let input = this.input(active, this.since(active), needsMetrics(step.check));
    if (step.change && active.changeAt === null) {
      active.changeAt = changeMoment(step.change, input);
      if (active.changeAt !== null) input = { ...input, changeAt: active.changeAt };
    }
    if (needsAudit(step.check)) this.readAudit(active);
    const evaluation = evaluateStep(step, input);
    const stepRun = run.steps[run.stepIndex];
    const gate = predictionGate(step, stepRun.prediction);
    stepRun.checks = gate ? [gate, ...evaluation.checks] : evaluation.checks;
    this.watchPreconditions(active, input);
    this.watchContradiction(active, evaluation.contradiction, input.now);
    if (evaluation.passed && (!gate || gate.met)) {
      active.byStep[step.id] = evaluation.figures;
      Object.assign(stepRun, {
        status: "done",
        figures: evaluation.figures,
        satisfiedAt: evaluation.satisfiedAt,
        tickedAt: Date.now(),
        measured: step.predict ? fill(step.predict.measured, active.byStep, step.id) : null,
        verdict: verdictOf(step, stepRun.prediction),
        contradiction: null,
      });
      if (run.stepIndex + 1 < lesson.steps.length) {
        run.stepIndex++;
        run.steps[run.stepIndex].status = "active";
        this.openStep(active, Date.now());
        Object.assign(active, { audit: null, brokenSince: null });
        run.broken = null;
      } else {
        if (run.challenge) {
          run.challenge.endedAt = Date.now();
          Object.assign(active.byStep[step.id], challengeFigures(run.challenge));
        }
        run.result = lesson.result.map((line) => fill(line, active.byStep, step.id));
        run.broken = null;
      }
    }
    this.push();
  }

  /** The run says the opposite of the claim: reported once it has said so for a while, cleared as soon as it does not. */
  private watchContradiction(active: Active, contradiction: string | null, now: number): void {
    const stepRun = active.run.steps[active.run.stepIndex];
    ({ since: active.contradictedSince, said: stepRun.contradiction } = afterAWhile(active.contradictedSince, contradiction, stepRun.contradiction, now, CONTRADICTED_AFTER_MS));
  }

  private watchPreconditions(active: Active, input: CheckInput): void {
    if (active.acting) return;
    const broken = brokenPrecondition(active.lesson, active.lesson.steps[active.run.stepIndex], input);
    ({ since: active.brokenSince, said: active.run.broken } = afterAWhile(active.brokenSince, broken, active.run.broken, input.now, BROKEN_AFTER_MS));
  }

  private readAudit(active: Active): void {
    if (active.readingAudit || (active.audit && Date.now() - active.audit.at < AUDIT_EVERY_MS)) return;
    active.readingAudit = true;
    const at = Date.now();
    this.sources
      .audit()
      .then((value) => (active.audit = { at, value }))
      .catch(() => {})
      .finally(() => {
        active.readingAudit = false;
        if (this.active === active) this.evaluate();
      });
  }

  private push(): void {
    const run = this.view();
    const text = JSON.stringify(run);
    if (text === this.lastPushed) return;
    this.lastPushed = text;
    for (const listener of this.listeners) listener(run);
  }
}
