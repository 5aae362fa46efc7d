// Lesson: the broker crash — redis dies, orders still come in and wait, nothing is lost when it returns.
import type { LessonInput } from "../../contract/lessons";

export const brokerCrash: LessonInput = {
  id: "broker-crash",
  title: "The broker crash",
  proves: "Queues make the system reliable even when the broker itself dies: accepted orders wait and are paid when it returns.",
  minutes: 4,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "kill-redis",
      title: "Kill redis",
      text: "redis carries every queue of the shop. Let us kill it.",
      todo: "Click redis on the graph and press Kill.",
      target: { kind: "button", id: "kill", service: "redis" },
      hints: ["redis is the broker box in the middle of the graph."],
      solution: [{ do: "kill", service: "redis" }],
      check: [{ is: "serviceStatus", service: "redis", status: "down" }],
    },
    {
      id: "order",
      title: "Order without a broker",
      text: "order-service writes each order first, then announces it. With no broker, it keeps the announcement for later.",
      todo: "Place two orders from the Shop tab.",
      target: { kind: "tab", id: "shop" },
      predict: {
        question: "The broker is dead. Can shoppers still order?",
        choices: [
          { id: "no", label: "No, orders fail" },
          { id: "yes", label: "Yes, orders are accepted and wait" },
        ],
        measured: "{accepted} orders were accepted while redis was down.",
      },
      hints: ["Each accepted order answers 202, pending."],
      solution: [{ do: "order", stack: "microservices", count: 2 }],
      check: [{ is: "ordersAcceptedWhileDown", stack: "microservices", service: "redis", atLeast: 2 }],
      needs: [{ is: "serviceStatus", service: "redis", status: "down" }],
      setup: [{ do: "kill", service: "redis" }],
    },
    {
      id: "bring-back",
      title: "Start redis again",
      text: "When redis returns, every service reconnects by itself and the waiting orders are announced.",
      todo: "Select redis and press Start.",
      target: { kind: "button", id: "start", service: "redis" },
      hints: ["Watch the queues fill and empty again."],
      solution: [{ do: "start", service: "redis" }],
      check: [
        { is: "serviceStatus", service: "redis", status: "healthy" },
        { is: "ordersSettled", stack: "microservices", atLeast: 2 },
      ],
      setup: [{ do: "kill", service: "redis" }, { do: "order", stack: "microservices", count: 2 }],
    },
  ],
  result: [
    "{order:accepted} orders were accepted while the broker was down.",
    "After redis returned: {bring-back:paid} paid, {bring-back:pending} pending, {bring-back:chargedTwice} charged twice (of {bring-back:orders} orders in the shop).",
  ],
};
