// Lesson: an order's journey — services talk over REST (and wait) or through message queues (and do not).
import type { LessonInput } from "../../contract/lessons";

export const orderJourney: LessonInput = {
  id: "order-journey",
  title: "An order's journey: REST and queues",
  proves: "Services communicate in two ways: REST calls, where the caller waits, and message queues, where it publishes an event and moves on.",
  minutes: 3,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "place-order",
      title: "Place an order",
      text: "One service can call another directly, over REST. The caller waits for the answer.",
      todo: "Open the Shop tab. Register, log in, and order one product.",
      target: { kind: "tab", id: "shop" },
      hints: ["The Shop tab is the first tab on the left.", "After you register you are logged in. Press Order beside any product."],
      solution: [{ do: "order", stack: "microservices", count: 1 }],
      check: [
        { is: "restCall", stack: "microservices", from: "api-gateway", to: "order-service", method: "POST", path: "/orders" },
        { is: "restCall", stack: "microservices", from: "order-service", to: "product-service", method: "POST", path: "/reservations" },
      ],
    },
    {
      id: "follow-events",
      title: "Follow the events",
      text: "Then order-service publishes OrderCreated to a queue and does not wait. payment-service takes it and publishes PaymentSucceeded; notification-service sends the email (EmailSent).",
      todo: "Watch the queues on the graph and the event stream below. This ticks when one order has gone through all three events.",
      target: { kind: "queue", id: "payment-inbox" },
      predict: {
        question: "The shop answered your order at once. Was it already paid then?",
        choices: [
          { id: "paid", label: "Yes, it was paid before the answer" },
          { id: "later", label: "No, payment happened after, through a queue" },
        ],
        measured: "Payment and email came {journeyMs} ms after the order was created, through the queues, while nobody waited.",
      },
      hints: ["Look for OrderCreated, PaymentSucceeded and EmailSent in the event stream.", "Press “Show me” to place another order."],
      solution: [{ do: "order", stack: "microservices", count: 1 }],
      check: [{ is: "orderJourney", stack: "microservices" }],
      window: "lesson",
    },
  ],
  result: [
    "REST: api-gateway called order-service and waited {place-order:durationMs} ms for its answer.",
    "Queues: OrderCreated → PaymentSucceeded → EmailSent took {follow-events:journeyMs} ms, after the shopper already had the answer.",
  ],
};
