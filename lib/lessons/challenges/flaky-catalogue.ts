// Challenge: product-service fails 3 requests in 10; keep shoppers from seeing it, without clearing the fault.
import type { LessonInput } from "../../contract/lessons";

export const flakyCatalogue: LessonInput = {
  id: "flaky-catalogue",
  title: "Hide a flaky catalogue",
  proves: "A flaky service's errors can be kept from its users without fixing it, by the way its callers call it.",
  minutes: 3,
  start: { architecture: "microservices", traffic: { rps: 30, stack: "microservices" } },
  challenge: { goal: "Browsing's error rate under 2 % over the last 10 s, while product-service still fails 30 % of its requests.", par: 1 },
  steps: [
    {
      id: "goal",
      title: "Browsing without errors",
      text: "product-service answers 3 requests in 10 with a 500, and shoppers see every one of them.",
      todo: "Bring browsing's error rate under 2 % without clearing the fault.",
      target: { kind: "tab", id: "break" },
      hints: ["Look at what the gateway does when a call to product-service fails: it passes the error on.", "A failed read can be tried again: the Retries setting in Break it.", "Three in ten fail; what are the odds that three tries in a row all do?"],
      solution: [{ do: "resilience", resilience: { retries: 3 } }],
      check: [
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "errorRate", phase: "recent", below: 0.02, minAnswers: 60 },
        { is: "faultActive", service: "product-service", type: "errors" },
      ],
      setup: [{ do: "fault", fault: { service: "product-service", type: "errors", rate: 0.3, stack: "microservices" } }],
    },
  ],
  result: ["Browsing's error rate fell to {goal:microservices.browse.errorRate} with product-service still failing 30 %: in {goal:seconds} s, {goal:actions} actions (par {goal:par}), {goal:hints} hints."],
};
