// Challenge: product-service takes 2 s; make a failed browse quick and stop loading product-service, fault in place.
import type { LessonInput } from "../../contract/lessons";

export const failFast: LessonInput = {
  id: "fail-fast",
  title: "Fail fast, spare the slow one",
  proves: "When a dependency is slow, a caller that stops waiting early and stops calling a failing service answers quickly and gives the slow one a rest.",
  minutes: 3,
  start: { architecture: "microservices", traffic: { rps: 30, stack: "microservices" } },
  challenge: { goal: "A failed browse answered in under 100 ms at the median, and under 4 calls/s reaching product-service, over the last 10 s, while it still takes 2 s.", par: 2 },
  steps: [
    {
      id: "goal",
      title: "Quick answers, few calls",
      text: "product-service takes 2 seconds to answer, and every browse waits for it.",
      todo: "Make a failed browse quick and spare product-service, without clearing the fault.",
      target: { kind: "tab", id: "break" },
      hints: ["Waiting 2 s for an answer is a choice the caller makes: it can give up sooner.", "Giving up sooner still sends every call. What stops calling a service that keeps failing?", "A timeout of 500 ms, then the circuit breaker."],
      solution: [{ do: "resilience", resilience: { timeouts: true, timeoutMs: 500, circuitBreaker: true } }],
      check: [
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "failedP50Ms", phase: "recent", below: 100, minAnswers: 20 },
        { is: "calls", stack: "microservices", to: "product-service", figure: "perS", phase: "recent", below: 4 },
        { is: "faultActive", service: "product-service", type: "latency" },
      ],
      setup: [{ do: "fault", fault: { service: "product-service", type: "latency", ms: 2_000, stack: "microservices" } }],
    },
  ],
  result: ["A failed browse took {goal:microservices.browse.failedP50Ms} ms and product-service got {goal:product-service.calls.perS} calls/s: in {goal:seconds} s, {goal:actions} actions (par {goal:par}), {goal:hints} hints."],
};
