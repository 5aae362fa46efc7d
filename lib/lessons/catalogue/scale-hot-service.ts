// Lesson: scale what is hot — under a load that makes product-service the bottleneck, three instances of it bring
// browsing back; the monolith can only grow as whole copies, and the memory of both whole stacks is measured.
import type { LessonInput } from "../../contract/lessons";

const HOG = { do: "fault", fault: { service: "product-service", type: "cpu-hog", ms: 60, stack: "microservices" } } as const;
const LOAD = { do: "traffic", rps: 20, stack: "microservices", durationS: 120 } as const;

export const scaleHotService: LessonInput = {
  id: "scale-hot-service",
  title: "Scale what is hot",
  proves: "Scaling one module of a monolith means copying everything; a microservice scales alone. Browsing's p95 says so, and the memory shows what each process costs.",
  minutes: 4,
  start: { architecture: "both", traffic: null },
  steps: [
    {
      id: "hot",
      title: "Make browsing hot",
      text: "Each product page now costs product-service 60 ms of CPU, and shoppers browse about 16 times a second: more than one process can do, so requests queue behind each other.",
      todo: "Add a cpu-hog fault of 60 ms on product-service (microservices only), then start 20 requests/s to the microservices.",
      target: { kind: "button", id: "inject-fault" },
      hints: ["Break it: choose product-service, cpu-hog, 60 ms, and the microservices stack.", "Then the Traffic tab: 20 requests/s to microservices."],
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
        { is: "beforeAfter", stack: "microservices", feature: "browse", figure: "p95Ms", direction: "falls", factor: 1.5, minAnswers: 40 },
        { is: "stackMemory", stack: "microservices" },
      ],
      needs: [{ is: "faultActive", service: "product-service", type: "cpu-hog" }],
      setup: [HOG, LOAD],
    },
    {
      id: "scale-monolith",
      title: "Scale the monolith to 3",
      text: "The monolith cannot grow one module. It can only run more whole copies: every copy runs browsing, orders, payments and emails alike.",
      todo: "Select the monolith box and scale it to 3.",
      target: { kind: "button", id: "scale", service: "monolith" },
      change: { kind: "scale", service: "monolith", replicas: 3 },
      predict: {
        question: "Three whole monoliths against the microservices with three product-services: which takes more memory in all?",
        choices: [
          { id: "monolith", label: "The monoliths: each copy holds every module", explain: "Each copy does hold every module, but the shop's modules are small. What weighs is each Node process's own runtime, and the microservices run many more processes." },
          { id: "microservices", label: "The microservices: they run many more processes", explain: "Every process carries its own runtime and heap, a fixed cost of tens of MB. Ten small processes outweigh three big ones: splitting has a price even when only one part scales." },
          { id: "same", label: "About the same", explain: "The number of processes decides it here: each costs its own runtime whatever its code, and one stack runs three times as many." },
        ],
        expected: "microservices",
        measured: "Monolith ×3: {monolith.memoryMB} MB in {monolith.processes} processes. Microservices with product-service ×3: {microservices.memoryMB} MB in {microservices.processes} processes.",
      },
      hints: ["The monolith is the one large box on the right."],
      solution: [{ do: "scale", service: "monolith", replicas: 3 }],
      check: [
        { is: "scaled", service: "monolith", replicas: 3 },
        { is: "stackMemory", stack: "monolith", lighterThan: "microservices" },
      ],
    },
  ],
  result: [
    "Under load, browsing's p95 fell from {scale-service:microservices.browse.p95Ms.before} ms to {scale-service:microservices.browse.p95Ms.after} ms when only product-service grew to 3.",
    "To scale browsing, the monolith copied every module three times: {scale-monolith:monolith.memoryMB} MB in {scale-monolith:monolith.processes} processes, against {scale-monolith:microservices.memoryMB} MB in {scale-monolith:microservices.processes} for the microservices, whose many processes each carry a runtime.",
  ],
};
