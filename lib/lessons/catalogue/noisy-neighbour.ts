// Lesson: the noisy neighbour — a CPU-hogging payment module slows the whole monolith, only payments in microservices.
import type { LessonInput } from "../../contract/lessons";

export const noisyNeighbour: LessonInput = {
  id: "noisy-neighbour",
  title: "The noisy neighbour",
  proves: "A small change can affect unrelated features: in the monolith one busy module slows every feature; a microservice keeps its trouble to itself.",
  minutes: 3,
  start: { architecture: "both", traffic: null },
  steps: [
    {
      id: "hog",
      title: "Make payment hog the CPU",
      text: "Imagine a slow new payment library: every payment blocks the CPU for 200 ms.",
      todo: "Open Break it and add a cpu-hog fault of 200 ms on payment-service.",
      target: { kind: "button", id: "inject-fault" },
      hints: ["Choose payment-service, the type cpu-hog, and 200 ms."],
      solution: [{ do: "fault", fault: { service: "payment-service", type: "cpu-hog", ms: 200 } }],
      check: [{ is: "faultActive", service: "payment-service", type: "cpu-hog" }],
    },
    {
      id: "measure",
      title: "Send the same shoppers to both",
      text: "Now both shops get the same traffic: browsing, ordering, reading emails.",
      todo: "Open Traffic and start 20 requests/s to both stacks.",
      target: { kind: "button", id: "start-traffic" },
      predict: {
        question: "Payment hogs the CPU. Whose shoppers feel it?",
        choices: [
          { id: "both", label: "Both alike" },
          { id: "monolith", label: "The monolith's, in every feature" },
          { id: "microservices", label: "The microservices'" },
        ],
        measured: "Shoppers' p95: monolith {monolith.p95Ms} ms, microservices {microservices.p95Ms} ms.",
      },
      hints: ["Leave the stack choice on “every running stack”."],
      solution: [{ do: "traffic", rps: 20, durationS: 30 }],
      check: [
        { is: "trafficServed", stack: "microservices", atLeast: 150 },
        { is: "trafficServed", stack: "monolith", atLeast: 150 },
      ],
      needs: [{ is: "faultActive", service: "payment-service", type: "cpu-hog" }],
      setup: [{ do: "fault", fault: { service: "payment-service", type: "cpu-hog", ms: 200 } }],
    },
  ],
  result: [
    "With payment hogging the CPU, shoppers' p95 was {measure:monolith.p95Ms} ms in the monolith and {measure:microservices.p95Ms} ms in the microservices.",
    "p50: monolith {measure:monolith.p50Ms} ms, microservices {measure:microservices.p50Ms} ms, over {measure:monolith.served} and {measure:microservices.served} requests.",
  ],
};
