// Lesson: retries, a rescue and then a storm — against a service that fails now and then, trying again hides most
// failures from shoppers; against one that fails nearly always, the same retries multiply the calls on it and help
// almost no one.
import type { LessonInput } from "../../contract/lessons";

const LOAD = { do: "traffic", rps: 20, stack: "microservices", durationS: 120 } as const;
const FLAKY = { do: "fault", fault: { service: "product-service", type: "errors", rate: 0.3, stack: "microservices" } } as const;
const RETRIES = { do: "resilience", resilience: { retries: 3 } } as const;
const FAILING = { do: "fault", fault: { service: "product-service", type: "errors", rate: 0.9, stack: "microservices" } } as const;

export const retriesStorm: LessonInput = {
  id: "retries-storm",
  title: "Retries: a rescue, then a storm",
  proves: "Retrying a failed call hides a flaky service's errors from its users; against a service that is really failing, the same retries multiply the load on it and rescue almost no one.",
  minutes: 4,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "flaky",
      title: "A flaky product-service",
      text: "product-service will now answer 3 requests in 10 with an error. Nothing retries yet: the gateway passes each error on to the shopper.",
      todo: "Add an errors fault at a rate of 0.3 on product-service (microservices), then start 20 requests/s to the microservices.",
      target: { kind: "button", id: "inject-fault" },
      hints: ["Break it: product-service, errors, rate 0.3, microservices.", "Then the Traffic tab: 20 requests/s to microservices."],
      solution: [LOAD, FLAKY],
      check: [
        { is: "faultActive", service: "product-service", type: "errors" },
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "errorRate", above: 0.15, minAnswers: 60 },
      ],
    },
    {
      id: "retry",
      title: "Retry failed reads",
      text: "A retry sends a failed read again, after a short pause that grows each time. Only reads (GET) are retried: sending an order twice could buy twice.",
      todo: "Keep the traffic running, open Break it and set Retries to 3.",
      target: { kind: "button", id: "retries" },
      change: { kind: "retries", atLeast: 3 },
      settleMs: 2_000,
      predict: {
        question: "Each call to product-service fails 3 times in 10. With up to 3 retries, how often does a shopper's browse fail?",
        choices: [
          { id: "same", label: "As often as before: the service is as flaky", explain: "The service is as flaky, but a browse now fails only if all four tries fail. That is 0.3 × 0.3 × 0.3 × 0.3, under 1 in 100." },
          { id: "rarely", label: "Rarely: every try would have to fail", explain: "Four tries that each fail 3 times in 10 all fail together less than once in 100 browses. A few retries hide most of a flaky service's errors." },
          { id: "never", label: "Never again", explain: "Now and then all four tries fail, so a few errors remain. Retries make failure rarer, not impossible." },
        ],
        expected: "rarely",
        measured: "Browsing's error rate went from {microservices.browse.errorRate.before} to {microservices.browse.errorRate.after}.",
      },
      hints: ["Retries is a setting under the faults in Break it.", "The arrow into product-service now carries more calls than shoppers make."],
      solution: [RETRIES],
      check: [
        { is: "beforeAfter", stack: "microservices", feature: "browse", figure: "errorRate", direction: "falls", factor: 4, minAnswers: 40 },
      ],
      needs: [{ is: "faultActive", service: "product-service", type: "errors" }],
      setup: [LOAD, FLAKY],
    },
    {
      id: "storm",
      title: "Make it fail nearly always",
      text: "Now product-service fails 9 requests in 10, as a service does when it is overloaded or broken. The retries stay on.",
      todo: "Change the errors fault on product-service to a rate of 0.9. Keep the traffic running.",
      target: { kind: "button", id: "inject-fault" },
      change: { kind: "fault", service: "product-service", type: "errors" },
      settleMs: 2_000,
      predict: {
        question: "Retries still try each failed read up to 3 more times. What do they do now?",
        choices: [
          { id: "rescue", label: "They still rescue most browses", explain: "All four tries now fail together about 2 times in 3. Retries rescue a call that fails now and then, not one that fails nearly always." },
          { id: "storm", label: "They pile calls on product-service and rescue few", explain: "Almost every browse now makes four calls instead of one, so the failing service gets about three times the load. Two browses in three still fail." },
          { id: "nothing", label: "Nothing changes for product-service", explain: "Every retry is one more call on product-service. When most calls fail, most browses retry three times, and the load on it grows." },
        ],
        expected: "storm",
        measured: "Each shopper's request now made {product-service.perRequest} calls on product-service, and browsing's error rate was {microservices.browse.errorRate}.",
      },
      hints: ["Break it: product-service, errors, rate 0.9, microservices. A new rate replaces the old one.", "Compare the calls on the arrow into product-service with the shoppers' requests."],
      solution: [FAILING],
      check: [
        { is: "amplification", stack: "microservices", to: "product-service", phase: "after", above: 2 },
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "errorRate", phase: "after", above: 0.4, minAnswers: 30 },
      ],
      needs: [{ is: "faultActive", service: "product-service", type: "errors" }],
      setup: [LOAD, FLAKY, RETRIES],
    },
  ],
  result: [
    "With no retries, {flaky:microservices.browse.errorRate} of browses failed against a product-service failing 3 calls in 10.",
    "Three retries brought that down to {retry:microservices.browse.errorRate.after}.",
    "At 9 failures in 10 the same retries made {storm:product-service.perRequest} calls on product-service for each shopper's request, and still {storm:microservices.browse.errorRate} of browses failed.",
  ],
};
