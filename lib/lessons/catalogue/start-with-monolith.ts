// Lesson: start with a monolith — under the same traffic, it answers faster in a fraction of the memory.
import type { LessonInput } from "../../contract/lessons";

export const startWithMonolith: LessonInput = {
  id: "start-with-monolith",
  title: "Start with a monolith",
  proves: "For small projects a monolith is often faster and easier: no network hops, one process.",
  minutes: 2,
  start: { architecture: "both", traffic: null },
  steps: [
    {
      id: "run-both",
      title: "Same shoppers, both shops",
      text: "Both shops run the same code. Only the wiring differs: function calls, or HTTP between processes.",
      todo: "Open Traffic and start 20 requests/s to both stacks. Then open Compare to see more.",
      target: { kind: "button", id: "start-traffic" },
      predict: {
        question: "Same shop, same traffic. Which answers faster?",
        choices: [
          { id: "monolith", label: "The monolith" },
          { id: "microservices", label: "The microservices" },
          { id: "same", label: "The same" },
        ],
        measured: "Shoppers' p50: monolith {monolith.p50Ms} ms, microservices {microservices.p50Ms} ms. Memory: {monolith.memoryMB} MB in {monolith.processes} process against {microservices.memoryMB} MB in {microservices.processes}.",
      },
      hints: ["Leave the stack choice on “every running stack”."],
      solution: [{ do: "traffic", rps: 20, durationS: 30 }],
      check: [
        { is: "trafficServed", stack: "microservices", atLeast: 150 },
        { is: "trafficServed", stack: "monolith", atLeast: 150 },
      ],
    },
  ],
  result: [
    "Shoppers' p50: monolith {run-both:monolith.p50Ms} ms, microservices {run-both:microservices.p50Ms} ms; p95 {run-both:monolith.p95Ms} against {run-both:microservices.p95Ms} ms.",
    "Memory: the monolith {run-both:monolith.memoryMB} MB in {run-both:monolith.processes} process; the microservices {run-both:microservices.memoryMB} MB in {run-both:microservices.processes}.",
  ],
};
