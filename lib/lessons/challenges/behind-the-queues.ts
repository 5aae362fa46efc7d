// Diagnosis challenge: something hidden slows the work behind the queues; find which consumer, then fix it.
import type { LessonInput } from "../../contract/lessons";
import { fixTheCulprit, nameTheCulprit } from "./diagnosis-steps";

export const behindTheQueues: LessonInput = {
  id: "behind-the-queues",
  title: "Trouble behind the queues",
  proves: "Work behind a queue fails quietly: the shop answers at once while jobs pile up, so the queues and the traces are where it shows.",
  minutes: 5,
  start: { architecture: "microservices", traffic: { rps: 40, stack: "microservices" } },
  challenge: {
    goal: "Name the service at fault and the kind of fault; then clear it, and get the jobs of payment-inbox and notification-inbox taken within 500 ms of being published (over the last 10 s).",
    par: 1,
    culprits: [
      { service: "payment-service", type: "slow-consumer", ms: 2_500, stack: "microservices" },
      { service: "notification-service", type: "slow-consumer", ms: 2_500, stack: "microservices" },
      { service: "payment-service", type: "cpu-hog", ms: 600, stack: "microservices" },
    ],
    decoys: [
      { service: "order-service", type: "latency", ms: 50, stack: "microservices" },
      { service: "product-service", type: "latency", ms: 50, stack: "microservices" },
    ],
  },
  steps: [
    nameTheCulprit({
      text: "Shoppers get their answers as fast as ever. Behind the queues, something is wrong.",
      target: { kind: "queue", id: "payment-inbox" },
      hints: ["Which queue grows? Its jobs in per second against out says who falls behind.", "Slow on its jobs only, or slow on everything it does? A process that blocks its CPU answers its HTTP calls late too."],
    }),
    fixTheCulprit({
      todo: "Clear it, and let the queues catch up.",
      recovered: [
        { is: "queueWait", stack: "microservices", queue: "payment-inbox", phase: "recent", below: 500, minJobs: 5 },
        { is: "queueWait", stack: "microservices", queue: "notification-inbox", phase: "recent", below: 500, minJobs: 5 },
      ],
    }),
  ],
  result: [
    "The culprit was {name:culprit}, named after {name:wrongGuesses} wrong guesses.",
    "Fixed, jobs waited {fix:payment-inbox.waitP50Ms} ms in payment-inbox and {fix:notification-inbox.waitP50Ms} ms in notification-inbox: in {fix:seconds} s, {fix:actions} actions (par {fix:par}), {fix:hints} hints.",
  ],
};
