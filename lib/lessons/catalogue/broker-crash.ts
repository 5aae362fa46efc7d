// Lesson: the broker crash — redis dies, orders still come in and wait, nothing is lost when it returns.
import type { LessonInput } from "../../contract/lessons";

export const brokerCrash: LessonInput = {
  id: "broker-crash",
  title: "The broker crash",
  proves: "Queues make the system more reliable, with a transactional outbox: when the broker itself dies, orders are still accepted, wait in order-service's outbox, and are paid once it returns.",
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
      text: "order-service saves each order together with an outbox entry: the OrderCreated event it still has to publish. A background loop publishes the outbox into the queues.",
      todo: "Place two orders from the Shop tab.",
      target: { kind: "tab", id: "shop" },
      predict: {
        question: "The broker is dead. Can shoppers still order?",
        choices: [
          { id: "no", label: "No, orders fail", explain: "Orders would fail if order-service published straight to the broker while answering. It writes the event to its own outbox instead, which needs no broker." },
          { id: "yes", label: "Yes, orders are accepted and wait", explain: "The order and its OrderCreated are saved together in order-service's outbox. The outbox keeps trying to publish, so nothing is lost while redis is down." },
        ],
        expected: "yes",
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
      text: "When redis returns, every service reconnects by itself and order-service's outbox publishes what it kept.",
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
    "{order:accepted} orders were accepted while the broker was down: their OrderCreated waited in order-service's outbox, not in a queue.",
    "After redis returned: {bring-back:paid} paid, {bring-back:pending} pending, {bring-back:chargedTwice} charged twice (of {bring-back:orders} orders in the shop).",
  ],
};
