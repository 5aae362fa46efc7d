// Lesson: scale what is hot — under a load that makes product-service the bottleneck, three instances of it bring
// browsing back; the monolith can only grow as whole copies, each holding every module. Measured, not told.
import type { LessonInput } from "../../contract/lessons";

const HOG = { do: "fault", fault: { service: "product-service", type: "cpu-hog", ms: 50, stack: "microservices" } } as const;
const LOAD = { do: "traffic", rps: 20, stack: "microservices", durationS: 120 } as const;

export const scaleHotService: LessonInput = {
  id: "scale-hot-service",
  title: "Scale what is hot",
  proves: "Scaling one module of a monolith means scaling everything; a microservice scales alone. Browsing's p95 and the memory say so.",
  minutes: 4,
  start: { architecture: "both", traffic: null },
  steps: [
    {
      id: "hot",
      title: "Make browsing hot",
      text: "Each product page now costs product-service 50 ms of CPU, and shoppers browse about 16 times a second. One process can just about keep up.",
      todo: "Add a cpu-hog fault of 50 ms on product-service (microservices only), then start 20 requests/s to the microservices.",
      target: { kind: "button", id: "inject-fault" },
      hints: ["Break it: choose product-service, cpu-hog, 50 ms, and the microservices stack.", "Then the Traffic tab: 20 requests/s to microservices."],
      solution: [HOG, LOAD],
      check: [
        { is: "faultActive", service: "product-service", type: "cpu-hog" },
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "p95Ms", above: 100, minAnswers: 60 },
      ],
    },
    {
      id: "scale-service",
      title: "Scale product-service to 3",
      text: "In microservices you can add instances of the one busy service; the gateway shares the calls between them.",
      todo: "Keep the traffic running until the check list shows the baseline, then select product-service and scale it to 3 instances.",
      target: { kind: "button", id: "scale", service: "product-service" },
      change: { kind: "scale", service: "product-service", replicas: 3 },
      settleMs: 4_000,
      predict: {
        question: "Three product-services instead of one. What happens to browsing's p95?",
        choices: [
          { id: "falls", label: "It falls: the work is shared", explain: "Each instance now gets a third of the calls, so requests stop queueing behind each other. Only the busy service grew." },
          { id: "same", label: "It stays the same", explain: "It would, if product-service were not the bottleneck. Here requests queued for its one event loop, and three loops share the queue." },
          { id: "rises", label: "It rises: more processes, more overhead", explain: "A few more processes cost some memory, but they remove the queue that made browsing slow." },
        ],
        expected: "falls",
        measured: "Browsing's p95 went from {microservices.browse.p95Ms.before} ms to {microservices.browse.p95Ms.after} ms. The microservices now take {microservices.memoryMB} MB in {microservices.processes} processes.",
      },
      hints: ["Scale is in the inspector, under the actions.", "Keep the traffic running: the comparison needs shoppers before and after."],
      solution: [{ do: "scale", service: "product-service", replicas: 3 }],
      check: [
        { is: "scaled", service: "product-service", replicas: 3 },
        { is: "beforeAfter", stack: "microservices", feature: "browse", figure: "p95Ms", direction: "falls", factor: 2, minAnswers: 40 },
        { is: "stackMemory", stack: "microservices" },
      ],
      needs: [{ is: "faultActive", service: "product-service", type: "cpu-hog" }],
      setup: [HOG, LOAD],
    },
    {
      id: "scale-monolith",
      title: "Scale the monolith to 3",
      text: "The monolith cannot grow one module. It can only run more whole copies.",
      todo: "Select the monolith box and scale it to 3.",
      target: { kind: "button", id: "scale", service: "monolith" },
      change: { kind: "scale", service: "monolith", replicas: 3 },
      predict: {
        question: "One more copy of the monolith against one more product-service: which weighs more?",
        choices: [
          { id: "same", label: "About the same", explain: "They would weigh the same if a copy held one module. A monolith copy loads every module, its routes and its data." },
          { id: "more", label: "The monolith copy: it holds every module", explain: "To give browsing more room the monolith must copy the whole shop. Each copy pays for modules that were not busy at all." },
          { id: "less", label: "The monolith copy: it is one process", explain: "One process instead of several saves memory overall, but per copy the monolith carries every module, so each copy is heavier." },
        ],
        expected: "more",
        measured: "One monolith copy: {monolith.perCopyMB} MB; one product-service: {product-service.perCopyMB} MB.",
      },
      hints: ["The monolith is the one large box on the right."],
      solution: [{ do: "scale", service: "monolith", replicas: 3 }],
      check: [
        { is: "scaled", service: "monolith", replicas: 3 },
        { is: "perCopyMemory", larger: "monolith", smaller: "product-service", factor: 1.1 },
        { is: "stackMemory", stack: "monolith" },
      ],
    },
  ],
  result: [
    "Under load, browsing's p95 fell from {scale-service:microservices.browse.p95Ms.before} ms to {scale-service:microservices.browse.p95Ms.after} ms when only product-service grew to 3.",
    "One monolith copy weighs {scale-monolith:monolith.perCopyMB} MB against {scale-monolith:product-service.perCopyMB} MB for one product-service: the monolith ×3 takes {scale-monolith:monolith.memoryMB} MB in {scale-monolith:monolith.processes} processes.",
  ],
};
