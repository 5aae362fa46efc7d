// Every lesson of the course, in the order the course map shows them, and every challenge, each checked against the schema when first asked
// for: at load it was ~15 ms of the server's start before it spawned a single service.
import { LessonSchema, type Lesson } from "../contract/lessons";
import { backpressure } from "./catalogue/backpressure";
import { atLeastOnce } from "./catalogue/at-least-once";
import { blastRadius } from "./catalogue/blast-radius";
import { brokerCrash } from "./catalogue/broker-crash";
import { circuitBreaker } from "./catalogue/circuit-breaker";
import { databasePerService } from "./catalogue/database-per-service";
import { healthLies } from "./catalogue/health-lies";
import { monolithRedeploy } from "./catalogue/monolith-redeploy";
import { noisyNeighbour } from "./catalogue/noisy-neighbour";
import { orderJourney } from "./catalogue/order-journey";
import { paymentOutage } from "./catalogue/payment-outage";
import { retriesStorm } from "./catalogue/retries-storm";
import { rollingRedeploy } from "./catalogue/rolling-redeploy";
import { sagaCompensates } from "./catalogue/saga-compensates";
import { scaleHotService } from "./catalogue/scale-hot-service";
import { slowDependency } from "./catalogue/slow-dependency";
import { startWithMonolith } from "./catalogue/start-with-monolith";
import { behindTheQueues } from "./challenges/behind-the-queues";
import { failFast } from "./challenges/fail-fast";
import { flakyCatalogue } from "./challenges/flaky-catalogue";
import { redeployEverything } from "./challenges/redeploy-everything";
import { stuckOrders } from "./challenges/stuck-orders";
import { whoBrokeTheShop } from "./challenges/who-broke-the-shop";

export const LESSON_INPUTS = [orderJourney, paymentOutage, rollingRedeploy, monolithRedeploy, scaleHotService, blastRadius, noisyNeighbour, slowDependency, circuitBreaker, retriesStorm, healthLies, brokerCrash, atLeastOnce, backpressure, sagaCompensates, startWithMonolith, databasePerService];

/** The challenges tab: puzzles with a goal in numbers and a par, two of them diagnoses of a hidden fault. */
export const CHALLENGE_INPUTS = [stuckOrders, flakyCatalogue, failFast, redeployEverything, whoBrokeTheShop, behindTheQueues];

let checked: Lesson[] | undefined;
export const lessons = (): Lesson[] => (checked ??= LESSON_INPUTS.map((lesson) => LessonSchema.parse(lesson)));

let checkedChallenges: Lesson[] | undefined;
export const challenges = (): Lesson[] => (checkedChallenges ??= CHALLENGE_INPUTS.map((challenge) => LessonSchema.parse(challenge)));

/** A lesson or a challenge: both run the same way. */
export const findLesson = (id: string): Lesson | undefined => lessons().find((lesson) => lesson.id === id) ?? challenges().find((challenge) => challenge.id === id);

export const lessonList = () => ({
  lessons: lessons().map(({ id, title, proves, minutes, steps }) => ({ id, title, proves, minutes, steps: steps.map((step) => ({ id: step.id, title: step.title })) })),
});
