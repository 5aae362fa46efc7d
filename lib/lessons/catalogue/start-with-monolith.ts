// Lesson: start with a monolith — the same shop without network hops answers faster in less memory, until one hot
// module makes splitting pay. Hops, latency and memory measured under the same traffic.
import type { LessonInput } from "../../contract/lessons";

const TRAFFIC = { do: "traffic", rps: 20, durationS: 120 } as const;
const HOT = { do: "fault", fault: { service: "payment-service", type: "cpu-hog", ms: 150 } } as const;

export const startWithMonolith: LessonInput = {
  id: "start-with-monolith",
  title: "Start with a monolith",
  proves: "For small projects a monolith is often faster and easier: no network hops, one process. Microservices pay off when one part gets hot.",
  minutes: 4,
  start: { architecture: "both", traffic: null },
  steps: [
    {
      id: "hops",
      title: "Same shoppers, both shops",
      text: "Both shops run the same modules. Only the wiring differs: function calls inside one process, or HTTP between processes.",
      todo: "Open Traffic and start 20 requests/s to every running stack.",
      target: { kind: "button", id: "start-traffic" },
      hints: ["Leave the stack choice on “every running stack”."],
      solution: [TRAFFIC],
      check: [
        { is: "networkHops", stack: "microservices", above: 0.5 },
        { is: "networkHops", stack: "monolith", below: 0.05 },
      ],
    },
    {
      id: "faster",
      title: "Which answers faster?",
      text: "Every network hop costs a little: a request written, sent, parsed and answered again.",
      todo: "Keep the traffic running and watch each stack's p50 on the bar above the graph.",
      target: { kind: "button", id: "start-traffic" },
      predict: {
        question: "Same shop, same traffic. Which answers faster at the median?",
        choices: [
          { id: "monolith", label: "The monolith", explain: "A call between modules is a function call: no socket, no parsing. The microservices pay a hop or more on most requests." },
          { id: "microservices", label: "The microservices", explain: "More processes do not make one request faster: each request still runs one after another through gateway, auth and the rest, now with network hops between." },
          { id: "same", label: "The same", explain: "The code is the same, but the wiring is not: each hop between processes adds time that a function call does not." },
        ],
        expected: "monolith",
        measured: "Shoppers' p50: monolith {monolith.p50Ms} ms, microservices {microservices.p50Ms} ms. Memory: {monolith.memoryMB} MB in {monolith.processes} process against {microservices.memoryMB} MB in {microservices.processes}.",
      },
      hints: ["Compare (top bar) shows the two side by side."],
      solution: [TRAFFIC],
      check: [
        { is: "stackVersus", figure: "p50Ms", lower: "monolith", higher: "microservices", margin: 0.3, minAnswers: 100 },
        { is: "stackMemory", stack: "monolith" },
        { is: "stackMemory", stack: "microservices" },
      ],
      setup: [TRAFFIC],
    },
    {
      id: "hot-module",
      title: "When one module gets hot",
      text: "Now payments get expensive: each one blocks its process's CPU for 150 ms.",
      todo: "Add a cpu-hog fault of 150 ms on payment-service, for both stacks. Keep the traffic running.",
      target: { kind: "button", id: "inject-fault" },
      change: { kind: "fault", service: "payment-service", type: "cpu-hog" },
      settleMs: 2_000,
      predict: {
        question: "Payments are now heavy. Which shop browses faster at the p95?",
        choices: [
          { id: "monolith", label: "Still the monolith", explain: "The monolith's browsing shares its one event loop with the heavy payments, so product pages wait behind them." },
          { id: "microservices", label: "Now the microservices", explain: "payment-service's trouble stays in its own process; browsing in the microservices never waits on it. This is the point where splitting pays." },
        ],
        expected: "microservices",
        measured: "Browsing's p95 with heavy payments: microservices {microservices.browse.p95Ms} ms, monolith {monolith.browse.p95Ms} ms.",
      },
      hints: ["Break it: payment-service, cpu-hog, 150 ms."],
      solution: [TRAFFIC, HOT],
      check: [{ is: "stackVersus", phase: "after", feature: "browse", figure: "p95Ms", lower: "microservices", higher: "monolith", factor: 2, minAnswers: 40 }],
      setup: [TRAFFIC],
    },
  ],
  result: [
    "Network hops per request: {hops:microservices.hopsPerRequest} in the microservices, {hops:monolith.hopsPerRequest} in the monolith.",
    "Shoppers' p50: monolith {faster:monolith.p50Ms} ms, microservices {faster:microservices.p50Ms} ms; memory {faster:monolith.memoryMB} MB against {faster:microservices.memoryMB} MB.",
    "With one hot module, browsing's p95 was {hot-module:microservices.browse.p95Ms} ms in the microservices against {hot-module:monolith.browse.p95Ms} ms in the monolith: the point where splitting pays.",
  ],
};
