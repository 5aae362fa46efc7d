// What the two lessons on a slow product-service share: the check that a breaker made its callers fail fast and
// spared product-service, and the step that heals it and watches the breaker close again.
import type { LessonInput } from "../../contract/lessons";

type Step = LessonInput["steps"][number];

/** The breaker to product-service opened, a failed browse got at least 5 times faster, and few calls still reach it. */
export const BREAKER_SPARES_PRODUCT_SERVICE: Step["check"] = [
  { is: "circuitOpen", to: "product-service" },
  { is: "beforeAfter", stack: "microservices", feature: "browse", figure: "failedP50Ms", direction: "falls", factor: 5, minAnswers: 5 },
  { is: "calls", stack: "microservices", to: "product-service", figure: "perS", phase: "after", below: 4 },
];

/** Clearing product-service's latency fault: the breaker goes open → half-open → closed and browsing works again. */
export const healProductService = (setup: Step["setup"]): Step => ({
  id: "heal",
  title: "Heal product-service",
  text: "An open breaker rests, then lets one trial call through (half-open). If the trial is answered, the breaker closes.",
  todo: "Clear the latency fault on product-service. Keep the traffic running.",
  target: { kind: "button", id: "inject-fault" },
  change: { kind: "fault-cleared", service: "product-service", type: "latency" },
  settleMs: 6_000,
  hints: ["Faults in force are listed in Break it, each with a Clear button."],
  solution: [{ do: "clear-fault", service: "product-service", type: "latency" }],
  check: [
    { is: "breakerSequence", to: "product-service" },
    { is: "shoppers", stack: "microservices", feature: "browse", figure: "errorRate", phase: "after", below: 0.05, minAnswers: 30 },
  ],
  needs: [{ is: "resilienceOn", circuitBreaker: true }],
  setup,
  window: "lesson",
});
