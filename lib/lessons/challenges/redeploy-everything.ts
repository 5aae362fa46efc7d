// Challenge: put a new version of every microservice in place under traffic, failing no shopper's request.
import type { LessonInput } from "../../contract/lessons";

const SERVICES = ["api-gateway", "auth-service", "user-service", "product-service", "order-service", "payment-service", "notification-service"] as const;

export const redeployEverything: LessonInput = {
  id: "redeploy-everything",
  title: "Redeploy everything, fail no one",
  proves: "A whole system can be replaced under traffic without a failed request, one service at a time, if each one is replaced by overlapping its old and new processes.",
  minutes: 4,
  start: { architecture: "microservices", traffic: { rps: 20, stack: "microservices" } },
  challenge: { goal: "Every one of the seven services running a new process, with 0 failed shoppers' requests since the start.", par: 7 },
  steps: [
    {
      id: "goal",
      title: "A new version of everything",
      text: "Shoppers browse and order at 20 requests per second. Every service needs its new version.",
      todo: "Redeploy all seven services with no failed request. A failure means starting again.",
      target: { kind: "service", id: "api-gateway" },
      hints: ["A redeploy is done from a service's inspector.", "Recreate stops the old process before the new one answers: calls in between fail. The other way overlaps them."],
      solution: SERVICES.map((service) => ({ do: "redeploy", service, strategy: "rolling" }) as const),
      check: [
        { is: "everyServiceReplaced", stack: "microservices" },
        { is: "shoppers", stack: "microservices", figure: "errorRate", phase: "step", below: 0.0001, minAnswers: 100 },
      ],
    },
  ],
  result: ["{goal:replaced} of {goal:of} services replaced with an error rate of {goal:microservices.errorRate}: in {goal:seconds} s, {goal:actions} actions (par {goal:par}), {goal:hints} hints."],
};
