// Lesson: scale what is hot — one service scales alone; the monolith scales as whole copies, memory measured.
import type { LessonInput } from "../../contract/lessons";

export const scaleHotService: LessonInput = {
  id: "scale-hot-service",
  title: "Scale what is hot",
  proves: "Scaling one module of a monolith means scaling everything; a microservice scales alone. The memory says so.",
  minutes: 3,
  start: { architecture: "both", traffic: null },
  steps: [
    {
      id: "scale-service",
      title: "Scale product-service to 3",
      text: "Browsing is busy. In microservices you can add instances of product-service only.",
      todo: "Select product-service and scale it to 3 instances.",
      target: { kind: "button", id: "scale", service: "product-service" },
      hints: ["Scale is in the inspector, under the actions."],
      solution: [{ do: "scale", service: "product-service", replicas: 3 }],
      check: [{ is: "scaled", service: "product-service", replicas: 3 }],
    },
    {
      id: "scale-monolith",
      title: "Scale the monolith to 3",
      text: "The monolith cannot grow one module. It can only run more whole copies.",
      todo: "Select the monolith box and scale it to 3.",
      target: { kind: "button", id: "scale", service: "monolith" },
      predict: {
        question: "Three copies of the monolith: how much memory, next to three product-services?",
        choices: [
          { id: "same", label: "About the same" },
          { id: "more", label: "More: each copy holds every module" },
          { id: "less", label: "Less" },
        ],
        measured: "monolith ×3: {memoryMB} MB in {processes} processes; product-service ×3: {scale-service:memoryMB} MB.",
      },
      hints: ["The monolith is the one large box on the right."],
      solution: [{ do: "scale", service: "monolith", replicas: 3 }],
      check: [{ is: "scaled", service: "monolith", replicas: 3 }],
    },
  ],
  result: [
    "product-service ×3: {scale-service:processes} processes, {scale-service:memoryMB} MB — only the busy service grew.",
    "monolith ×3: {scale-monolith:processes} whole copies of every module, {scale-monolith:memoryMB} MB.",
  ],
};
