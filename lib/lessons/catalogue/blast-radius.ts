// Lesson: keep services focused — the blast radius of one failure, microservices against the monolith.
import type { LessonInput } from "../../contract/lessons";

export const blastRadius: LessonInput = {
  id: "blast-radius",
  title: "Blast radius of a failure",
  proves: "Keep services focused: when one service dies only its features fail; when the monolith dies, everything does.",
  minutes: 3,
  start: { architecture: "both", traffic: null },
  steps: [
    {
      id: "start-traffic",
      title: "Send shoppers to both shops",
      text: "Shoppers browse, order and read their emails, in both shops at once.",
      todo: "Open the Traffic tab and start 20 requests/s to every running stack.",
      target: { kind: "button", id: "start-traffic" },
      hints: ["Leave the stack choice on “every running stack”."],
      solution: [{ do: "traffic", rps: 20, durationS: 120 }],
      check: [
        { is: "trafficServed", stack: "microservices", atLeast: 60 },
        { is: "trafficServed", stack: "monolith", atLeast: 60 },
      ],
    },
    {
      id: "kill-product",
      title: "Kill product-service",
      text: "In microservices each feature lives in its own service. product-service holds the catalogue.",
      todo: "Select product-service on the graph and press Kill.",
      target: { kind: "button", id: "kill", service: "product-service" },
      predict: {
        question: "product-service dies. What stops working for shoppers?",
        choices: [
          { id: "everything", label: "Everything", explain: "That is the monolith's way: one process, one fate. Here every service is its own process, and the others never notice product-service's death." },
          { id: "products", label: "Browsing, and what needs products", explain: "Only the features that call product-service fail: the catalogue and new orders. Emails and past orders live in other services, which keep answering." },
          { id: "nothing", label: "Nothing", explain: "A dead service cannot answer: every feature that needs product-service fails at once. The gateway says so with a 503." },
        ],
        expected: "products",
        measured: "Failed: {microservices.failedFeatures}. Kept working: {microservices.workingFeatures}.",
      },
      hints: ["Traffic is already running: watch the red diamonds on the arrows."],
      solution: [{ do: "traffic", rps: 20, durationS: 120 }, { do: "kill", service: "product-service" }],
      setup: [{ do: "traffic", rps: 20, durationS: 120 }],
      check: [{ is: "blastRadius", stack: "microservices", service: "product-service", failed: ["browse"], workingAny: ["notifications", "my orders"] }],
    },
    {
      id: "kill-monolith",
      title: "Kill the monolith",
      text: "The monolith holds the same modules in one process.",
      todo: "Select the monolith box and press Kill.",
      target: { kind: "button", id: "kill", service: "monolith" },
      predict: {
        question: "The monolith dies. What stops working?",
        choices: [
          { id: "products", label: "Only browsing", explain: "The modules are separate in the code, but not at run time: they share one process. When it dies, every module dies with it." },
          { id: "everything", label: "Everything", explain: "Every feature lives in the one process that was killed, so every shopper's request fails until it is back." },
        ],
        expected: "everything",
        measured: "Failed: {monolith.failedFeatures}. Kept working: {monolith.workingFeatures}.",
      },
      hints: ["The monolith is the one large box."],
      solution: [{ do: "traffic", rps: 20, durationS: 120 }, { do: "kill", service: "monolith" }],
      check: [{ is: "blastRadius", stack: "monolith", service: "monolith", failed: ["browse", "notifications"], workingAny: [] }],
      needs: [{ is: "serviceStatus", service: "product-service", status: "down" }],
      setup: [{ do: "traffic", rps: 20, durationS: 120 }, { do: "kill", service: "product-service" }],
    },
  ],
  result: [
    "product-service died: {kill-product:microservices.failedFeatures} failed; {kill-product:microservices.workingFeatures} kept working.",
    "The monolith died: {kill-monolith:monolith.failedFeatures} failed; kept working: {kill-monolith:monolith.workingFeatures}.",
  ],
};
