// Lesson: queues keep the shop up when payment dies, and nothing is lost.
import type { LessonInput } from "../../contract/lessons";

export const paymentOutage: LessonInput = {
  id: "payment-outage",
  title: "Payment dies, the shop stays up",
  proves: "Queues keep services loosely coupled and make the system more reliable: orders wait for payment instead of failing, and none is lost or charged twice.",
  minutes: 4,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "kill-payment",
      title: "Kill payment-service",
      text: "payment-service charges every order. Let us kill it.",
      todo: "Click payment-service on the graph, then press Kill in the inspector.",
      target: { kind: "button", id: "kill", service: "payment-service" },
      hints: ["payment-service is one of the boxes below the queues.", "The inspector opens on the right when you click a box."],
      solution: [{ do: "kill", service: "payment-service" }],
      check: [{ is: "serviceStatus", service: "payment-service", status: "down" }],
    },
    {
      id: "accept-orders",
      title: "Order while payment is dead",
      text: "order-service does not call payment-service. It publishes OrderCreated into payment-inbox.",
      todo: "Place three orders from the Shop tab.",
      target: { kind: "tab", id: "shop" },
      predict: {
        question: "payment-service is dead. What happens to new orders?",
        choices: [
          { id: "fail", label: "Orders fail", explain: "That is what happens when the caller waits on a REST call to a dead service. order-service does not call payment-service at all: it only publishes an event." },
          { id: "wait", label: "Orders are accepted and wait", explain: "order-service answers as soon as OrderCreated is in payment-inbox. The jobs wait in the queue until a consumer takes them, however long that is." },
          { id: "twice", label: "Orders are charged twice", explain: "Nothing is charged while payment-service is dead: there is no one to charge. Waiting jobs are each taken once when it returns." },
        ],
        expected: "wait",
        measured: "{accepted} orders were accepted while payment-service was down; {backlog} jobs wait in payment-inbox.",
      },
      hints: ["Each order answers 202: accepted, pending.", "Watch payment-inbox on the graph fill up."],
      solution: [{ do: "order", stack: "microservices", count: 3 }],
      check: [
        { is: "ordersAcceptedWhileDown", stack: "microservices", service: "payment-service", atLeast: 3 },
        { is: "queueBacklog", queue: "payment-inbox", atLeast: 3 },
      ],
      needs: [{ is: "serviceStatus", service: "payment-service", status: "down" }],
      setup: [{ do: "kill", service: "payment-service" }],
    },
    {
      id: "drain",
      title: "Bring payment back",
      text: "When payment-service returns, it takes the waiting jobs one by one. Each order is paid once.",
      todo: "Select payment-service and press Start.",
      target: { kind: "button", id: "start", service: "payment-service" },
      hints: ["Watch payment-inbox empty.", "The Audit tab shows orders by state and any charged twice."],
      solution: [{ do: "start", service: "payment-service" }],
      check: [
        { is: "serviceStatus", service: "payment-service", status: "healthy" },
        { is: "ordersSettled", stack: "microservices", atLeast: 3 },
      ],
      setup: [{ do: "kill", service: "payment-service" }, { do: "order", stack: "microservices", count: 3 }],
    },
  ],
  result: [
    "While payment-service was down, the shop accepted {accept-orders:accepted} orders; {accept-orders:backlog} jobs waited in payment-inbox.",
    "When it came back every order settled: {drain:paid} paid, {drain:paymentFailed} payment failed, {drain:pending} pending, {drain:chargedTwice} charged twice (of {drain:orders} orders in the shop).",
  ],
};
