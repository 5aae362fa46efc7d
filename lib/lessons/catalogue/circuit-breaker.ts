// Lesson: resilience — a slow dependency makes every caller wait for its timeout; a circuit breaker turns that wait
// into a fast failure and spares the callee; once the dependency heals the breaker tries again and closes.
import type { LessonInput } from "../../contract/lessons";
import { BREAKER_SPARES_PRODUCT_SERVICE, healProductService } from "./breaker-steps";

const TIMEOUT = { do: "resilience", resilience: { timeouts: true, timeoutMs: 1_000 } } as const;
const SLOW = { do: "fault", fault: { service: "product-service", type: "latency", ms: 2_000, stack: "microservices" } } as const;
const LOAD = { do: "traffic", rps: 20, stack: "microservices", durationS: 120 } as const;
const BREAKER = { do: "resilience", resilience: { circuitBreaker: true } } as const;

export const circuitBreaker: LessonInput = {
  id: "circuit-breaker",
  title: "Resilience: the circuit breaker",
  proves: "Communication is everything: when a dependency is slow, a circuit breaker makes its callers fail fast instead of waiting, stops calling it, and closes again once it heals.",
  minutes: 4,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "slow",
      title: "Make product-service slow",
      text: "Callers give up on a call after a timeout, here 1 second. product-service will now take 2 seconds to answer anything.",
      todo: "Add a latency fault of 2000 ms on product-service (microservices), then start 20 requests/s to the microservices.",
      target: { kind: "button", id: "inject-fault" },
      hints: ["Break it: product-service, latency, 2000 ms.", "Watch how long a failed request takes in the Traffic tab and on the arrows."],
      solution: [TIMEOUT, SLOW, LOAD],
      setup: [TIMEOUT],
      check: [
        { is: "faultActive", service: "product-service", type: "latency" },
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "failedP50Ms", above: 800, minAnswers: 10 },
      ],
    },
    {
      id: "breaker",
      title: "Switch the circuit breaker on",
      text: "A circuit breaker counts failed calls. After 5 in a row it opens: for 5 seconds the caller does not call at all.",
      todo: "Keep the traffic running, open Break it and switch on the circuit breaker.",
      target: { kind: "button", id: "circuit-breaker" },
      change: { kind: "circuit-open", to: "product-service" },
      predict: {
        question: "Once the breaker opens, how long does a shopper's failed browse take?",
        choices: [
          { id: "same", label: "About a second, as before", explain: "Without the breaker every call waits for the timeout. An open breaker does not make the call at all, so there is nothing to wait for." },
          { id: "fast", label: "A few milliseconds: it fails at once", explain: "The open breaker refuses the call before it leaves the caller. The shopper still gets an error, but at once, and product-service gets a rest." },
          { id: "works", label: "Browsing works again", explain: "A breaker cannot make a slow service fast. It changes how the failure feels: fast instead of slow, and fewer calls piling on the callee." },
        ],
        expected: "fast",
        measured: "A failed browse took {microservices.browse.failedP50Ms.before} ms before the breaker opened and {microservices.browse.failedP50Ms.after} ms after; calls reaching product-service fell to {product-service.calls.perS}/s.",
      },
      hints: ["The circuit breaker switch is under the faults in Break it.", "The breaker's state shows on the arrow into product-service."],
      solution: [TIMEOUT, SLOW, LOAD, BREAKER],
      check: BREAKER_SPARES_PRODUCT_SERVICE,
      needs: [{ is: "faultActive", service: "product-service", type: "latency" }],
      setup: [TIMEOUT, SLOW, LOAD],
    },
    healProductService([TIMEOUT, SLOW, LOAD, BREAKER]),
  ],
  result: [
    "Without a breaker a failed browse waited {slow:microservices.browse.failedP50Ms} ms for the timeout.",
    "With the breaker open it failed in {breaker:microservices.browse.failedP50Ms.after} ms, and calls reaching product-service fell to {breaker:product-service.calls.perS}/s.",
    "After the fault was cleared the breaker went open → half-open → closed, and browsing's error rate fell to {heal:microservices.browse.errorRate}.",
  ],
};
