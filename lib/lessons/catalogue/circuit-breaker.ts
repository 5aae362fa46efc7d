// Lesson: resilience — errors, and a circuit breaker that stops calling a failing service.
import type { LessonInput } from "../../contract/lessons";

export const circuitBreaker: LessonInput = {
  id: "circuit-breaker",
  title: "Resilience: the circuit breaker",
  proves: "Communication is everything: designing how services call each other reliably means failing fast when a dependency is broken.",
  minutes: 3,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "breaker-on",
      title: "Switch the circuit breaker on",
      text: "A circuit breaker counts failed calls. After 5 in a row it stops calling for a while.",
      todo: "Open Break it and switch on the circuit breaker.",
      target: { kind: "button", id: "circuit-breaker" },
      hints: ["The resilience settings are under the faults in Break it."],
      solution: [{ do: "resilience", resilience: { circuitBreaker: true } }],
      check: [{ is: "resilienceOn", circuitBreaker: true }],
    },
    {
      id: "errors",
      title: "Make product-service fail",
      text: "Now product-service answers every call with an error.",
      todo: "Add an errors fault on product-service with rate 1, and start 20 requests/s of traffic.",
      target: { kind: "button", id: "inject-fault" },
      predict: {
        question: "product-service fails every call. What do its callers do after 5 failures?",
        choices: [
          { id: "keep", label: "Keep calling and failing" },
          { id: "stop", label: "Stop calling for a while and fail fast" },
          { id: "crash", label: "Crash" },
        ],
        measured: "The breaker opened after {failedCalls} failed calls to product-service.",
      },
      hints: ["Watch the arrow into product-service: its breaker state shows on it."],
      solution: [
        { do: "fault", fault: { service: "product-service", type: "errors", rate: 1 } },
        { do: "traffic", rps: 20, stack: "microservices", durationS: 30 },
      ],
      check: [{ is: "circuitOpen", to: "product-service" }],
      needs: [{ is: "resilienceOn", circuitBreaker: true }],
      setup: [{ do: "resilience", resilience: { circuitBreaker: true } }],
    },
  ],
  result: ["The circuit to product-service opened after {errors:failedCalls} failed calls; after that callers failed fast instead of waiting."],
};
