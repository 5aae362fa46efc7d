// Diagnosis challenge: something hidden hurts the shop's calls; find the service and the kind of fault, then fix it.
import type { LessonInput } from "../../contract/lessons";
import { fixTheCulprit, nameTheCulprit } from "./diagnosis-steps";

export const whoBrokeTheShop: LessonInput = {
  id: "who-broke-the-shop",
  title: "Who broke the shop?",
  proves: "A failure is found from what it does: which feature suffers, which box turns red or slow, which trace waits where.",
  minutes: 5,
  start: { architecture: "microservices", traffic: { rps: 30, stack: "microservices" } },
  challenge: {
    goal: "Name the service at fault and the kind of fault; then clear it and keep browsing's error rate under 5 % over the last 10 s.",
    par: 1,
    culprits: [
      { service: "product-service", type: "latency", ms: 600, stack: "microservices" },
      { service: "product-service", type: "errors", rate: 0.4, stack: "microservices" },
      { service: "order-service", type: "cpu-hog", ms: 120, stack: "microservices" },
      { service: "user-service", type: "latency", ms: 600, stack: "microservices" },
    ],
    decoys: [
      { service: "notification-service", type: "latency", ms: 40, stack: "microservices" },
      { service: "auth-service", type: "latency", ms: 40, stack: "microservices" },
    ],
  },
  steps: [
    nameTheCulprit({
      text: "Something was done to one service. It is not listed anywhere: find it from what it does to the shop.",
      target: { kind: "tab", id: "shop" },
      hints: ["Which boxes are red, or slow? Compare each one's p95 and errors.", "Click a slow or failing request in the stream: its trace shows where the time went.", "Slow everywhere inside one process, even on calls that need nothing from others, is a process hogging its CPU."],
    }),
    fixTheCulprit({
      todo: "Clear it, and keep browsing healthy.",
      recovered: [{ is: "shoppers", stack: "microservices", feature: "browse", figure: "errorRate", phase: "recent", below: 0.05, minAnswers: 40 }],
    }),
  ],
  result: [
    "The culprit was {name:culprit}, named after {name:wrongGuesses} wrong guesses.",
    "Fixed, browsing's error rate was {fix:microservices.browse.errorRate}: in {fix:seconds} s, {fix:actions} actions (par {fix:par}), {fix:hints} hints.",
  ],
};
