// Every lesson file against the schema, and every sentence's placeholders against the figures its steps' checks measure.
import { describe, expect, it } from "vitest";
import { LessonSchema, type PredicateSpec } from "../contract/lessons";
import { placeholders, fill } from "./figures";
import { CHALLENGE_INPUTS, LESSON_INPUTS, challenges, lessons, lessonList } from "./lessons";

const CHALLENGE_FIGURES = ["seconds", "actions", "par", "hints", "wrongGuesses"];

/** Lessons and challenges alike: one schema, one runner, the same rules for their words and figures. */
const everything = () => [...lessons(), ...challenges()];
import { figureKey } from "./measured-predicates";

/** The figures each check reports when it passes (kept beside the test so a renamed figure breaks it). */
function figuresOf(spec: PredicateSpec): string[] {
  switch (spec.is) {
    case "restCall": return ["status", "durationMs"].map((figure) => `${spec.to}.${figure}`);
    case "traceChain": return ["chainMs", "doneAfterMs", "answerMs", ...spec.chain.map((job) => `${job}.afterMs`)];
    case "shoppers": return [figureKey(spec.stack, spec)];
    case "stackVersus": return [figureKey(spec.lower, spec), figureKey(spec.higher, spec)];
    case "beforeAfter": return ["before", "after"].map((phase) => `${figureKey(spec.stack, spec)}.${phase}`);
    case "calls": return [`${spec.to}.calls.${spec.figure}`];
    case "amplification": return [`${spec.to}.perRequest`, `${spec.to}.calls`, "shopperRequests"];
    case "networkHops": return [`${spec.stack}.hopsPerRequest`, `${spec.stack}.functionCallsPerRequest`];
    case "queueFlow": return ["inPerS", "outPerS", "in", "out"].map((figure) => `${spec.queue}.${figure}`);
    case "queueWait": return ["waitP50Ms", "taken"].map((figure) => `${spec.queue}.${figure}`);
    case "redelivered": return ["redeliveredJob", "attempt", "how"];
    case "breakerSequence": return ["openForMs"];
    case "processesKept": return ["kept", "of"];
    case "stackMemory": return [...["memoryMB", "processes", "addedMB"].map((figure) => `${spec.stack}.${figure}`), ...(spec.lighterThan ? ["memoryMB", "processes"].map((figure) => `${spec.lighterThan}.${figure}`) : [])];
    case "ordersAcceptedWhileDown": return ["accepted"];
    case "queueBacklog": return ["backlog"];
    case "ordersSettled": return ["orders", "paid", "paymentFailed", "pending", "chargedTwice"];
    case "ordersDeduplicated": return ["answered", "created", "givenBack"];
    case "redeployed": return ["served", "failed", "unavailableMs", "strategy", "version"];
    case "scaled": return ["processes", "memoryMB"];
    case "blastRadius": return ["failedFeatures", "workingFeatures", "failedRequests"].map((figure) => `${spec.stack}.${figure}`);
    case "trafficServed": return ["served", "failed", "p50Ms", "p95Ms", "memoryMB", "processes"].map((figure) => `${spec.stack}.${figure}`);
    case "circuitOpen": return ["failedCalls"];
    case "faultActive": return ["faultMs"];
    case "stayedHealthy": return ["status", "healthyForS"].map((figure) => `${spec.service}.${figure}`);
    case "momentFound": return ["moment.job", "moment.state", "moment.attempt", ...(spec.serviceDown ? ["moment.sinceDownMs"] : []), ...(spec.answered ? ["moment.sinceAnswerMs"] : [])];
    case "culpritNamed": return ["culprit", "wrongGuesses"];
    case "everyServiceReplaced": return ["replaced", "of"];
    case "readiness": return ["readiness", "notReadyAfterMs"].map((figure) => `${spec.service}.${figure}`);
    case "databaseAccess": return ["stack", "processes", "queries", ...spec.tables.map((table) => `${table}.readers`)];
    default: return ["status"];
  }
}

/** How an instruction asks for each button, in the lessons' words. */
const BUTTON_WORDS: Array<[string, RegExp]> = [
  ["kill", /press Kill\b/],
  ["start", /press Start\b/],
  ["redeploy", /press Redeploy\b/],
  ["scale", /\bscale (it|the)/i],
  ["start-traffic", /start \d+ requests\/s/],
  ["circuit-breaker", /circuit breaker/],
  ["retries", /\bRetries to \d/],
  ["timeout", /\btimeout to \d/],
  ["readiness", /readiness checks/],
  ["inject-fault", /\bfault\b/],
];

describe("the lessons", () => {
  it.each([...LESSON_INPUTS, ...CHALLENGE_INPUTS].map((lesson) => [lesson.id, lesson] as const))("%s matches the lesson schema", (_, lesson) => {
    expect(LessonSchema.safeParse(lesson).error?.issues ?? []).toEqual([]);
  });

  it("cover the guide with at least eight lessons and six challenges (two of them diagnoses), with unique ids", () => {
    expect(lessons().length).toBeGreaterThanOrEqual(8);
    expect(challenges().length).toBeGreaterThanOrEqual(6);
    expect(challenges().filter((challenge) => challenge.challenge?.culprits).length).toBeGreaterThanOrEqual(2);
    expect(lessons().every((lesson) => !lesson.challenge) && challenges().every((challenge) => challenge.challenge)).toBe(true);
    expect(new Set(everything().map((lesson) => lesson.id)).size).toBe(everything().length);
  });

  it.each(challenges().flatMap((challenge) => (challenge.challenge?.culprits ? [[challenge.id, challenge.challenge] as const] : [])))("%s: every decoy sits on another service than some culprit, and the culprits differ", (_, challenge) => {
    const culprits = challenge.culprits!.map((culprit) => `${culprit.type} on ${culprit.service}`);
    expect(new Set(culprits).size).toBe(culprits.length);
    for (const decoy of challenge.decoys ?? []) expect(challenge.culprits!.some((culprit) => culprit.service !== decoy.service)).toBe(true);
  });

  it.each(everything().map((lesson) => [lesson.id, lesson] as const))("%s: every placeholder names a step and a figure its check measures", (_, lesson) => {
    const measured = new Map(lesson.steps.map((step) => [step.id, new Set(step.check.flatMap(figuresOf))]));
    // A challenge's count (time, actions against par, hints, wrong guesses) joins its last step's figures when it ends.
    if (lesson.challenge) for (const figure of CHALLENGE_FIGURES) measured.get(lesson.steps.at(-1)!.id)!.add(figure);
    expect(new Set(lesson.steps.map((step) => step.id)).size).toBe(lesson.steps.length);
    const sentences = [...lesson.result.map((line) => [line, null] as const), ...lesson.steps.flatMap((step) => (step.predict ? [[step.predict.measured, step.id] as const] : []))];
    for (const [sentence, own] of sentences) {
      for (const [step, figure] of placeholders(sentence)) {
        const from = step ?? own;
        expect(from, `${sentence} names no step`).not.toBeNull();
        expect([...(measured.get(from!) ?? [])], `${lesson.id}: {${from}:${figure}}`).toContain(figure);
      }
    }
  });

  it.each(everything().flatMap((lesson) => lesson.steps.map((step) => [`${lesson.id}/${step.id}`, step] as const)))("%s: no two checks of the step measure a figure of the same name", (_, step) => {
    const names = step.check.flatMap(figuresOf);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.each(lessons().flatMap((lesson) => lesson.steps.flatMap((step) => (step.predict ? [[`${lesson.id}/${step.id}`, step] as const] : []))))("%s: the prediction comes before the decisive action, and the step's words do not give its answer", (_, step) => {
    const expected = step.predict!.choices.find((choice) => choice.id === step.predict!.expected)!;
    for (const words of [step.text, step.todo, ...step.hints]) expect(words.toLowerCase()).not.toContain(expected.label.toLowerCase());
    for (const choice of step.predict!.choices) expect(choice.explain.split(/(?<=[.!?])\s+/).length, choice.id).toBeLessThanOrEqual(2);
    // A step that watches numbers must name the moment its "before" ends, unless it only compares stacks or checks state.
    const phased = step.check.some((spec) => spec.is === "beforeAfter" || ("phase" in spec && spec.phase !== "step"));
    if (phased) expect(step.change, "a before/after check needs the step's change").toBeDefined();
  });

  it.each(lessons().flatMap((lesson) => lesson.steps.map((step) => [`${lesson.id}/${step.id}`, step] as const)))("%s: a step that asks to press a button points at that button", (_, step) => {
    // The first button the step's instruction names (the pointer shows where to begin).
    const pressed = BUTTON_WORDS.map(([id, words]) => [id, step.todo.search(words)] as const).filter(([, at]) => at >= 0).sort((a, b) => a[1] - b[1])[0]?.[0] ?? null;
    if (pressed === null) return;
    expect(step.target).toMatchObject({ kind: "button", id: pressed });
    if (step.target.kind === "button" && step.target.service) expect([...step.solution, ...step.check].some((item) => ("service" in item ? item.service : null) === (step.target as { service?: string }).service)).toBe(true);
  });

  it("are listed for the page with their steps", () => {
    const listed = lessonList().lessons.find((lesson) => lesson.id === "payment-outage");
    expect(listed?.steps.map((step) => step.id)).toEqual(["kill-payment", "accept-orders", "drain"]);
  });
});

describe("fill", () => {
  it("fills a step's own figures and another step's, and marks a figure not measured", () => {
    const byStep = { a: { accepted: 3 }, b: { "monolith.p95Ms": 12.5 } };
    expect(fill("{accepted} then {b:monolith.p95Ms} ms, {missing}", byStep, "a")).toBe("3 then 12.5 ms, ?");
  });
});
