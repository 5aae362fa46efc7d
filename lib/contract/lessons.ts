// The guided lessons: a lesson as typed data (start state, steps, checks, solutions) and the run the server reports.
import { z } from "zod";
import { FeatureSchema } from "./compare";
import { StackIdSchema } from "./events";
import { FaultBodySchema, FaultTypeSchema } from "./faults";
import { ResilienceSchema } from "./resilience";
import { ArchitectureSchema, ServiceIdSchema } from "./services";

const count = z.number().int().min(0);

const figureLimit = { below: z.number().optional(), above: z.number().optional() };

/** A figure of what shoppers got, measured at their side over a window of the step. */
export const ShopperFigureSchema = z.enum(["p50Ms", "p95Ms", "errorRate", "failedP50Ms", "answeredPerS"]);
export type ShopperFigure = z.infer<typeof ShopperFigureSchema>;
/**
 * Which part of the step a figure covers: all of it, before the step's change, after it (once settled), or its last
 * 10 seconds (a challenge's goal, reached by whatever change the learner makes).
 */
export const PhaseSchema = z.enum(["step", "before", "after", "recent"]);
export type Phase = z.infer<typeof PhaseSchema>;

const measure = {
  feature: FeatureSchema.optional(),
  figure: ShopperFigureSchema,
  /** Fewer answers than this make no figure worth a verdict. */
  minAnswers: count.default(20),
};

/** A named check the server evaluates against the live state and the telemetry; only these names exist, nothing runs as code. */
export const PredicateSpecSchema = z.discriminatedUnion("is", [
  z.object({ is: z.literal("restCall"), stack: StackIdSchema, from: z.string(), to: z.string(), method: z.string(), path: z.string() }).strict(),
  z.object({ is: z.literal("serviceStatus"), service: ServiceIdSchema, status: z.enum(["down", "healthy"]) }).strict(),
  // Liveness against readiness: the service stayed healthy all through the step, or its readiness probe moved it.
  z.object({ is: z.literal("stayedHealthy"), service: ServiceIdSchema }).strict(),
  z.object({ is: z.literal("readiness"), service: ServiceIdSchema, ready: z.boolean() }).strict(),
  z.object({ is: z.literal("ordersAcceptedWhileDown"), stack: StackIdSchema, service: ServiceIdSchema, atLeast: count }).strict(),
  z.object({ is: z.literal("queueBacklog"), queue: z.string(), atLeast: count }).strict(),
  z.object({ is: z.literal("ordersSettled"), stack: StackIdSchema, atLeast: count }).strict(),
  z.object({ is: z.literal("ordersDeduplicated"), stack: StackIdSchema }).strict(),
  z
    .object({ is: z.literal("redeployed"), stack: StackIdSchema, service: ServiceIdSchema, strategy: z.enum(["recreate", "rolling"]), minServed: count, maxFailed: count.optional(), minFailed: count.optional(), minUnavailableMs: count.optional(), maxUnavailableMs: count.optional() })
    .strict(),
  z.object({ is: z.literal("scaled"), service: ServiceIdSchema, replicas: z.number().int().min(1).max(5) }).strict(),
  z.object({ is: z.literal("blastRadius"), stack: StackIdSchema, service: ServiceIdSchema, failed: z.array(FeatureSchema), workingAny: z.array(FeatureSchema) }).strict(),
  z.object({ is: z.literal("trafficServed"), stack: StackIdSchema, atLeast: count }).strict(),
  z.object({ is: z.literal("circuitOpen"), to: ServiceIdSchema }).strict(),
  z.object({ is: z.literal("faultActive"), service: ServiceIdSchema, type: z.string() }).strict(),
  z.object({ is: z.literal("resilienceOn"), circuitBreaker: z.boolean() }).strict(),
  z.object({ is: z.literal("architecture"), architecture: ArchitectureSchema }).strict(),
  // Outcomes measured in numbers: what shoppers got, compared with a limit, with the other stack, or with before.
  z.object({ is: z.literal("shoppers"), stack: StackIdSchema, phase: PhaseSchema.default("step"), ...measure, ...figureLimit }).strict(),
  z
    .object({ is: z.literal("stackVersus"), phase: PhaseSchema.default("step"), ...measure, lower: StackIdSchema, higher: StackIdSchema, factor: z.number().min(1).default(1), margin: z.number().min(0).default(0) })
    .strict(),
  z.object({ is: z.literal("beforeAfter"), stack: StackIdSchema, ...measure, direction: z.enum(["rises", "falls", "holds"]), factor: z.number().min(1).default(1), margin: z.number().min(0).default(0) }).strict(),
  z.object({ is: z.literal("calls"), stack: StackIdSchema, to: z.string(), figure: z.enum(["perS", "count", "answeredPerS"]), phase: PhaseSchema.default("step"), ...figureLimit }).strict(),
  z.object({ is: z.literal("networkHops"), stack: StackIdSchema, ...figureLimit }).strict(),
  z.object({ is: z.literal("amplification"), stack: StackIdSchema, to: z.string(), phase: PhaseSchema.default("step"), ...figureLimit }).strict(),
  z.object({ is: z.literal("traceChain"), stack: StackIdSchema, chain: z.array(z.string()).min(2), answeredFirst: z.boolean().default(false) }).strict(),
  z.object({ is: z.literal("queueFlow"), stack: StackIdSchema, queue: z.string(), trend: z.enum(["rising", "draining"]), phase: PhaseSchema.default("step"), minJobs: count.default(5) }).strict(),
  z.object({ is: z.literal("queueWait"), stack: StackIdSchema, queue: z.string(), phase: PhaseSchema.default("step"), ...figureLimit, minJobs: count.default(5) }).strict(),
  z.object({ is: z.literal("redelivered"), stack: StackIdSchema, queue: z.string().optional() }).strict(),
  z.object({ is: z.literal("breakerSequence"), to: ServiceIdSchema }).strict(),
  z.object({ is: z.literal("processesKept"), stack: StackIdSchema, except: z.array(z.string()) }).strict(),
  z.object({ is: z.literal("stackMemory"), stack: StackIdSchema, lighterThan: StackIdSchema.optional() }).strict(),
  // Which process touched which tables, from the database spans: each table by its own process, or all by one.
  // A look back: the moment the learner stopped on (rewound or in slow motion) shows a job of `queue` in flight —
  // published and not yet done — with `serviceDown` down then, and the job's order already answered when `answered`.
  z.object({ is: z.literal("momentFound"), stack: StackIdSchema, queue: z.string(), serviceDown: ServiceIdSchema.optional(), answered: z.boolean().default(false) }).strict(),
  // A challenge's: a diagnosis named its hidden culprit (service and kind), then cleared it; every service replaced.
  z.object({ is: z.literal("culpritNamed") }).strict(),
  z.object({ is: z.literal("culpritCleared") }).strict(),
  z.object({ is: z.literal("everyServiceReplaced"), stack: StackIdSchema }).strict(),
  z.object({ is: z.literal("databaseAccess"), tables: z.array(z.string()).min(2), shared: z.boolean(), stack: StackIdSchema.optional() }).strict(),
]);
export type PredicateSpec = z.infer<typeof PredicateSpecSchema>;

/** The step's decisive action, as the sandbox sees it happen: it splits the step into "before" and "after". */
export const ChangeSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fault"), service: ServiceIdSchema, type: z.string() }).strict(),
  z.object({ kind: z.literal("fault-cleared"), service: ServiceIdSchema, type: z.string() }).strict(),
  z.object({ kind: z.literal("kill"), service: ServiceIdSchema }).strict(),
  z.object({ kind: z.literal("redeploy"), stack: StackIdSchema, service: ServiceIdSchema }).strict(),
  z.object({ kind: z.literal("scale"), service: ServiceIdSchema, replicas: z.number().int().min(1).max(5) }).strict(),
  z.object({ kind: z.literal("circuit-open"), to: ServiceIdSchema }).strict(),
  z.object({ kind: z.literal("traffic") }).strict(),
  z.object({ kind: z.literal("retries"), atLeast: z.number().int().min(1).max(5) }).strict(),
  z.object({ kind: z.literal("timeout"), atMostMs: z.number().int().min(50).max(10_000) }).strict(),
  z.object({ kind: z.literal("readiness") }).strict(),
]);
export type ChangeSpec = z.infer<typeof ChangeSpecSchema>;

/** One call a solution makes, through the same operations as the control API and the storefront. */
export const LessonActionSchema = z.discriminatedUnion("do", [
  z.object({ do: z.literal("kill"), service: ServiceIdSchema }).strict(),
  z.object({ do: z.literal("start"), service: ServiceIdSchema }).strict(),
  z.object({ do: z.literal("redeploy"), service: ServiceIdSchema, strategy: z.enum(["recreate", "rolling"]) }).strict(),
  z.object({ do: z.literal("scale"), service: ServiceIdSchema, replicas: z.number().int().min(1).max(5) }).strict(),
  z.object({ do: z.literal("traffic"), rps: z.number().int().min(1).max(100), stack: StackIdSchema.optional(), durationS: z.number().int().min(1).max(120) }).strict(),
  // What to order: one of the shop's products (the mouse unless named).
  z
    .object({
      do: z.literal("order"),
      stack: StackIdSchema,
      count: z.number().int().min(1).max(10),
      productId: z.string().regex(/^p-[a-z]+$/).optional(),
      /** Each order sent twice with one Idempotency-Key, as a shopper's retry would. */
      sentTwice: z.boolean().optional(),
    })
    .strict(),
  z.object({ do: z.literal("fault"), fault: FaultBodySchema }).strict(),
  z.object({ do: z.literal("clear-fault"), service: ServiceIdSchema, type: z.string() }).strict(),
  z.object({ do: z.literal("resilience"), resilience: ResilienceSchema.partial() }).strict(),
  // "Show me" of a look back: the first recorded moment its check would accept, marked as the learner would mark it.
  z.object({ do: z.literal("mark-moment") }).strict(),
  // "Show me" of a diagnosis: name the culprit the sandbox hid, then clear it.
  z.object({ do: z.literal("guess-culprit") }).strict(),
  z.object({ do: z.literal("clear-culprit") }).strict(),
]);
export type LessonAction = z.infer<typeof LessonActionSchema>;

/** Buttons in the inspector of one service, and buttons of the left panel's tabs, that a step can point at. */
export const SERVICE_BUTTONS = ["kill", "start", "redeploy", "scale"] as const;
export const PANEL_BUTTONS = ["start-traffic", "inject-fault", "circuit-breaker", "retries", "timeout", "readiness"] as const;
export type ServiceButton = (typeof SERVICE_BUTTONS)[number];
export type PanelButton = (typeof PANEL_BUTTONS)[number];

/** Where the pointer goes: resolved in the page from the app's own ids, so it follows a node that is redrawn. */
export const PointerTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("service"), id: ServiceIdSchema }).strict(),
  z.object({ kind: z.literal("queue"), id: z.string() }).strict(),
  z.object({ kind: z.literal("tab"), id: z.enum(["shop", "traffic", "break", "scenarios", "audit"]) }).strict(),
  z.object({ kind: z.literal("architecture"), id: ArchitectureSchema }).strict(),
  // The timeline under the graph: Rewind or Slow motion, then the lesson's "This is the moment" once away from live.
  z.object({ kind: z.literal("timeline"), id: z.enum(["rewind", "slow-motion"]) }).strict(),
  // One button: a service's own (in the inspector, so `service` says whose) or one of the left panel's.
  z
    .object({ kind: z.literal("button"), id: z.enum([...SERVICE_BUTTONS, ...PANEL_BUTTONS]), service: ServiceIdSchema.optional() })
    .strict()
    .refine((target) => (SERVICE_BUTTONS as readonly string[]).includes(target.id) === (target.service !== undefined), {
      message: "a service's button (kill, start, redeploy, scale) names its service; a panel's button names none",
    }),
]);
export type PointerTarget = z.infer<typeof PointerTargetSchema>;

export const PredictionSchema = z
  .object({
    question: z.string(),
    /** Each choice says why it is right or, for a wrong one, the misconception behind it (two sentences). */
    choices: z.array(z.object({ id: z.string(), label: z.string(), explain: z.string() }).strict()).min(2),
    /** The choice the measured outcome bears out when the claim holds. */
    expected: z.string(),
    /** What happened, as a template over the step's measured figures, e.g. "{accepted} orders accepted, 0 failed". */
    measured: z.string(),
  })
  .strict()
  .refine((predict) => predict.choices.some((choice) => choice.id === predict.expected), { message: "the expected answer is one of the choices" });

export const LessonStepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    /** One idea, in the guide's words. */
    text: z.string(),
    /** What to do, as an instruction. */
    todo: z.string(),
    target: PointerTargetSchema,
    predict: PredictionSchema.optional(),
    hints: z.array(z.string()).min(1),
    /** "Show me": the calls that perform the step. */
    solution: z.array(LessonActionSchema).min(1),
    /** Every item must hold; the check list shows each with what is still missing. */
    check: z.array(PredicateSpecSchema).min(1),
    /** What must stay true while this step runs (set up by earlier steps); restored by `setup`. */
    needs: z.array(PredicateSpecSchema).default([]),
    /** The calls that bring the lesson's start state to what this step needs: for a deep link or "Put it back". */
    setup: z.array(LessonActionSchema).default([]),
    /**
     * Events that count start when the step opens, when the lesson did (a step that watches the previous one's effect),
     * or when the run did, the setup of a step opened directly included (a step that looks back at what came before).
     */
    window: z.enum(["step", "lesson", "run"]).default("step"),
    /** The decisive action: figures "before" are measured up to it, figures "after" from `settleMs` after it. */
    change: ChangeSpecSchema.optional(),
    settleMs: count.default(1_000),
  })
  .strict();
export type LessonStep = z.infer<typeof LessonStepSchema>;

export const LessonStartSchema = z
  .object({
    architecture: ArchitectureSchema,
    /** Traffic running from the start, or none. */
    traffic: z.object({ rps: z.number().int().min(1).max(100), stack: StackIdSchema.optional() }).strict().nullable(),
  })
  .strict();

/**
 * A challenge is a puzzle, not a tour: a goal stated in numbers, reached by whatever actions the learner picks, with a
 * par number of actions; no ring and no "do this". A diagnosis challenge hides one culprit chosen at random (and a
 * decoy beside it) for the learner to find and name.
 */
export const ChallengeSchema = z
  .object({
    goal: z.string(),
    par: z.number().int().min(1).max(30),
    culprits: z.array(FaultBodySchema).min(2).optional(),
    decoys: z.array(FaultBodySchema).min(1).optional(),
  })
  .strict();
export type Challenge = z.infer<typeof ChallengeSchema>;

export const LessonSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    /** What the lesson proves, one sentence from the guide's claim. */
    proves: z.string(),
    minutes: z.number().int().min(1).max(15),
    /** Every lesson starts with faults off, one instance of everything, default resilience, every service up. */
    start: LessonStartSchema,
    steps: z.array(LessonStepSchema).min(1),
    /** The result card's lines, templates over the figures measured in this run ({step.figure}). */
    result: z.array(z.string()).min(1),
    /** Present for a challenge: its goal, par and, for a diagnosis, its culprits. */
    challenge: ChallengeSchema.optional(),
  })
  .strict();
export type Lesson = z.infer<typeof LessonSchema>;
export type LessonInput = z.input<typeof LessonSchema>;

export const LessonListSchema = z.object({
  lessons: z.array(z.object({ id: z.string(), title: z.string(), proves: z.string(), minutes: z.number(), steps: z.array(z.object({ id: z.string(), title: z.string() })) })),
});
export type LessonList = z.infer<typeof LessonListSchema>;

export const CheckItemViewSchema = z.object({
  label: z.string(),
  met: z.boolean(),
  missing: z.string(),
  /** Enough was measured and it says the opposite of the claim, in words; absent otherwise. */
  contradicts: z.string().optional(),
});
export type CheckItemView = z.infer<typeof CheckItemViewSchema>;

export const FiguresSchema = z.record(z.string(), z.union([z.number(), z.string()]));
export type Figures = z.infer<typeof FiguresSchema>;

/** The lesson being run on the server, pushed to every page after each change. */
export const LessonRunSchema = z.object({
  lessonId: z.string(),
  stepIndex: z.number().int(),
  /** Setting up the start state (or a step's needs) in words; null once ready. */
  preparing: z.string().nullable(),
  steps: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["done", "active", "pending", "skipped"]),
      checks: z.array(CheckItemViewSchema),
      /** Figures measured when the step passed, for the prediction and the result card. */
      figures: FiguresSchema,
      /** When the event that satisfied the check happened (ms since epoch), for the tick's latency. */
      satisfiedAt: z.number().nullable(),
      /** When the server ticked it (ms since epoch): the tick's latency splits into the server's part and the page's. */
      tickedAt: z.number().optional(),
      /** The prediction's "what happened", filled from the figures once done. */
      measured: z.string().nullable(),
      /** The learner's answer, locked once given (null choice: skipped); `late` when it came after the change. */
      prediction: z.object({ choice: z.string().nullable(), late: z.boolean() }).nullable(),
      /** Once done: whether the prediction matched what was measured, and why. */
      verdict: z.object({ correct: z.boolean().nullable(), expected: z.string(), explain: z.string(), why: z.string() }).nullable(),
      /** The run says the opposite of the claim, in words with its numbers; null while it does not. */
      contradiction: z.string().nullable(),
      /** A look back: the recorded moment the learner last marked (ms since epoch, the sandbox's clock); null before. */
      moment: z.number().nullable(),
    }),
  ),
  /** What changed that an earlier step set up, in words; null when all holds. */
  broken: z.string().nullable(),
  /** The result card, filled when every step is done. */
  result: z.array(z.string()).nullable(),
  /** The last thing a "Show me" or "Put it back" could not do, in words. */
  error: z.string().nullable(),
  /** A challenge's count: time, actions against par, hints asked, guesses; the culprit only once named. */
  challenge: z
    .object({
      startedAt: z.number(),
      endedAt: z.number().nullable(),
      actions: z.number().int(),
      par: z.number().int(),
      hints: z.number().int(),
      /** "Show me" did (part of) it. */
      shown: z.boolean(),
      guesses: z.array(z.object({ service: z.string(), type: z.string(), right: z.boolean() })),
      culprit: z.object({ service: z.string(), type: z.string() }).nullable(),
    })
    .nullable(),
});
export type LessonRun = z.infer<typeof LessonRunSchema>;

export const LessonStartBodySchema = z.object({ step: z.string().optional() }).strict();
/** The learner's prediction for the active step: a choice, or null to skip it. */
export const PredictBodySchema = z.object({ step: z.string(), choice: z.string().nullable() }).strict();
/** A diagnosis challenge's guess: which service, and which kind of fault. */
export const GuessBodySchema = z.object({ service: ServiceIdSchema, type: FaultTypeSchema }).strict();
/** The moment of the recording the learner stopped on, for a step that asks them to look back. */
export const MomentBodySchema = z.object({ step: z.string(), at: z.number().int().positive() }).strict();

/** A learner's progress, kept in the browser and exported/imported as a file: steps done and predictions made. */
export const ProgressSchema = z
  .object({
    version: z.literal(1),
    lessons: z.record(
      z.string(),
      z
        .object({
          done: z.array(z.string()),
          predictions: z.record(z.string(), z.string()),
          completed: z.boolean(),
          /** The last finished run's result card: what it measured against the claim; the verdicts, right of all answered. */
          measured: z.array(z.string().max(500)).max(10).optional(),
          right: z.object({ right: z.number().int().min(0), of: z.number().int().min(0) }).strict().optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type Progress = z.infer<typeof ProgressSchema>;
