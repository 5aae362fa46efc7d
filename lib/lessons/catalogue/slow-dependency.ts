// Lesson: a slow dependency — a synchronous call passes its callee's slowness to whoever waits on it and to no one
// else; a timeout turns the wait into an error, a circuit breaker makes the error fast and spares the callee, and the
// breaker closes again once the callee heals.
import type { LessonInput } from "../../contract/lessons";
import { BREAKER_SPARES_PRODUCT_SERVICE, healProductService } from "./breaker-steps";

const LOAD = { do: "traffic", rps: 30, stack: "microservices", durationS: 120 } as const;
const SLOW = { do: "fault", fault: { service: "product-service", type: "latency", ms: 1_500, stack: "microservices" } } as const;
const TIMEOUT = { do: "resilience", resilience: { timeouts: true, timeoutMs: 500 } } as const;
const BREAKER = { do: "resilience", resilience: { circuitBreaker: true } } as const;

export const slowDependency: LessonInput = {
  id: "slow-dependency",
  title: "A slow dependency",
  proves: "A synchronous call passes a slow service's delay to everyone who waits on it, and to no one else. A timeout turns the wait into an error; a circuit breaker makes that error fast and stops the calls, and closes again once the service heals.",
  minutes: 5,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "slow",
      title: "Slow product-service down",
      text: "product-service will now take 1.5 seconds to answer. Browsing calls it and waits; reading your emails goes to notification-service and never calls product-service.",
      todo: "Add a latency fault of 1500 ms on product-service (microservices), then start 30 requests/s to the microservices.",
      target: { kind: "button", id: "inject-fault" },
      predict: {
        question: "product-service answers in 1.5 s. Which shoppers wait?",
        choices: [
          { id: "all", label: "Every shopper: the shop is slow", explain: "Only a request that calls product-service waits for it. Emails are read from notification-service, which never calls product-service." },
          { id: "browsers", label: "Those who browse, not those reading their emails", explain: "The gateway waits on product-service for every browse, so browsing takes 1.5 s. Nothing on the way to the emails calls it, so they stay fast." },
          { id: "nobody", label: "Nobody: the gateway answers from what it has", explain: "The gateway keeps no copy of the catalogue. Each browse is a call to product-service, and the gateway waits for the answer." },
        ],
        expected: "browsers",
        measured: "Browsing's p95 was {microservices.browse.p95Ms} ms; reading emails took {microservices.notifications.p95Ms} ms.",
      },
      hints: ["Break it: product-service, latency, 1500 ms, microservices.", "Then the Traffic tab: 30 requests/s to microservices."],
      solution: [SLOW, LOAD],
      check: [
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "p95Ms", above: 1_200, minAnswers: 40 },
        { is: "shoppers", stack: "microservices", feature: "notifications", figure: "p95Ms", below: 400, minAnswers: 10 },
      ],
    },
    {
      id: "timeout",
      title: "Give up sooner",
      text: "A caller can stop waiting after a while: a timeout. The gateway now waits up to 3 seconds, longer than product-service takes.",
      todo: "Keep the traffic running, open Break it and set the timeout to 500 ms.",
      target: { kind: "button", id: "timeout" },
      change: { kind: "timeout", atMostMs: 500 },
      settleMs: 2_000,
      predict: {
        question: "The gateway now gives up on product-service after 0.5 s. What do browsing shoppers get?",
        choices: [
          { id: "fast-pages", label: "Their pages, faster", explain: "A timeout cannot make product-service answer sooner. The gateway stops waiting, and the shopper gets an error instead of a page." },
          { id: "errors", label: "An error after about half a second", explain: "Each browse now fails when the timeout runs out, at about 0.5 s instead of a page after 1.5 s. The wait became an error." },
          { id: "same", label: "The same slow pages", explain: "The gateway no longer waits the 1.5 s product-service takes. It gives up at 0.5 s and answers with an error." },
        ],
        expected: "errors",
        measured: "Browsing's error rate was {microservices.browse.errorRate}; a failed browse took {microservices.browse.failedP50Ms} ms at the median.",
      },
      hints: ["The timeout is the first setting under the faults in Break it: type 500 and press Enter."],
      solution: [TIMEOUT],
      check: [
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "errorRate", phase: "after", above: 0.5, minAnswers: 30 },
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "failedP50Ms", phase: "after", below: 1_000, minAnswers: 20 },
      ],
      needs: [{ is: "faultActive", service: "product-service", type: "latency" }],
      setup: [SLOW, LOAD],
    },
    {
      id: "breaker",
      title: "Fail fast with a circuit breaker",
      text: "Every browse still waits half a second for a call that will fail. A circuit breaker counts a caller's failed calls; after 5 in a row it opens.",
      todo: "Keep the traffic running, open Break it and switch on the circuit breaker.",
      target: { kind: "button", id: "circuit-breaker" },
      change: { kind: "circuit-open", to: "product-service" },
      predict: {
        question: "Once the breaker is open, what reaches product-service?",
        choices: [
          { id: "same", label: "As many calls as before", explain: "An open breaker refuses the call before it leaves the gateway. product-service gets only an odd trial call." },
          { id: "few", label: "Hardly any calls: it gets a rest", explain: "While the breaker is open the gateway answers the shopper at once, without calling. Only a trial call now and then reaches product-service." },
          { id: "more", label: "More calls, to catch up", explain: "Nothing is queued to send later. The refused calls are simply not made, so product-service gets fewer, not more." },
        ],
        expected: "few",
        measured: "A failed browse took {microservices.browse.failedP50Ms.before} ms before the breaker opened and {microservices.browse.failedP50Ms.after} ms after; calls reaching product-service fell to {product-service.calls.perS}/s.",
      },
      hints: ["The circuit breaker switch is under the faults in Break it.", "Its state shows on the arrow into product-service."],
      solution: [BREAKER],
      check: BREAKER_SPARES_PRODUCT_SERVICE,
      needs: [{ is: "faultActive", service: "product-service", type: "latency" }],
      setup: [SLOW, LOAD, TIMEOUT],
    },
    healProductService([SLOW, LOAD, TIMEOUT, BREAKER]),
  ],
  result: [
    "With product-service slow, browsing's p95 was {slow:microservices.browse.p95Ms} ms while reading emails took {slow:microservices.notifications.p95Ms} ms: the delay went only where the calls went.",
    "With a 500 ms timeout browsing's error rate was {timeout:microservices.browse.errorRate}, a failed browse taking {timeout:microservices.browse.failedP50Ms} ms.",
    "With the breaker open a failed browse took {breaker:microservices.browse.failedP50Ms.after} ms, and calls reaching product-service fell to {breaker:product-service.calls.perS}/s.",
    "Healed, the breaker went open → half-open → closed, and browsing's error rate fell to {heal:microservices.browse.errorRate}.",
  ],
};
