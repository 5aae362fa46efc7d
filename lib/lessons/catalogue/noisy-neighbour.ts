// Lesson: the noisy neighbour — a CPU-hogging payment module slows every feature of the monolith, while the
// microservices' browsing stays near its own baseline. Measured per feature, before and after the fault.
import type { LessonInput } from "../../contract/lessons";

const TRAFFIC = { do: "traffic", rps: 20, durationS: 120 } as const;
const HOG = { do: "fault", fault: { service: "payment-service", type: "cpu-hog", ms: 200 } } as const;

export const noisyNeighbour: LessonInput = {
  id: "noisy-neighbour",
  title: "The noisy neighbour",
  proves: "A small change can affect unrelated features: in the monolith one busy module slows every feature; a microservice keeps its trouble to itself.",
  minutes: 3,
  start: { architecture: "both", traffic: null },
  steps: [
    {
      id: "baseline",
      title: "Send the same shoppers to both",
      text: "Both shops get the same traffic: browsing, ordering, reading emails. This is the baseline.",
      todo: "Open Traffic and start 20 requests/s to every running stack.",
      target: { kind: "button", id: "start-traffic" },
      hints: ["Leave the stack choice on “every running stack”."],
      solution: [TRAFFIC],
      check: [
        { is: "trafficServed", stack: "microservices", atLeast: 100 },
        { is: "trafficServed", stack: "monolith", atLeast: 100 },
      ],
    },
    {
      id: "hog",
      title: "Make payment hog the CPU",
      text: "Imagine a slow new payment library: every payment blocks its process's CPU for 200 ms. Browsing never touches payments.",
      todo: "Keep the traffic running until the check list shows both baselines, then open Break it and add a cpu-hog fault of 200 ms on payment-service, for both stacks.",
      target: { kind: "button", id: "inject-fault" },
      change: { kind: "fault", service: "payment-service", type: "cpu-hog" },
      settleMs: 2_000,
      predict: {
        question: "Payment hogs the CPU. Whose shoppers feel it when they browse?",
        choices: [
          { id: "both", label: "Both alike", explain: "Only where payment shares a process with browsing. In the microservices the hog blocks payment-service's own event loop, which no product page waits on." },
          { id: "monolith", label: "The monolith's", explain: "In the monolith every module runs on one event loop: while payment blocks it, no product page can be answered. The microservices keep their trouble inside payment-service." },
          { id: "microservices", label: "The microservices'", explain: "The microservices' browsing goes through the gateway and product-service, neither of which runs payment code: they do not wait on the hog." },
        ],
        expected: "monolith",
        measured: "Browsing's p95: monolith {monolith.browse.p95Ms.before} → {monolith.browse.p95Ms.after} ms; microservices {microservices.browse.p95Ms.before} → {microservices.browse.p95Ms.after} ms.",
      },
      hints: ["Choose payment-service, the type cpu-hog, and 200 ms.", "Watch the p95 on each stack's bar above the graph."],
      solution: [TRAFFIC, HOG],
      check: [
        { is: "beforeAfter", stack: "monolith", feature: "browse", figure: "p95Ms", direction: "rises", factor: 2, margin: 20, minAnswers: 40 },
        { is: "beforeAfter", stack: "microservices", feature: "browse", figure: "p95Ms", direction: "holds", factor: 2, margin: 20, minAnswers: 40 },
      ],
      setup: [TRAFFIC],
    },
  ],
  result: [
    "Monolith: browsing's p95 went from {hog:monolith.browse.p95Ms.before} ms to {hog:monolith.browse.p95Ms.after} ms when payment hogged the CPU.",
    "Microservices: browsing's p95 went from {hog:microservices.browse.p95Ms.before} ms to {hog:microservices.browse.p95Ms.after} ms: the trouble stayed in payment-service.",
  ],
};
