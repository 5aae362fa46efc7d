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
      text: "One service can call another directly, over REST. The caller sends a request and waits for the answer.",
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
      title: "Follow one more order",
      text: "Besides calling, a service can publish an event into a queue. Three events follow an order here: OrderCreated, PaymentSucceeded and EmailSent.",
      todo: "Place one more order, then follow it on the graph and in the event stream below.",
      target: { kind: "queue", id: "payment-inbox" },
      predict: {
        question: "The shop answers your order. Has it been paid by the time you get that answer?",
        choices: [
          { id: "paid", label: "Yes, payment is part of the answer", explain: "That would be true if order-service called payment-service over REST and waited. Here it only publishes OrderCreated and answers: the charge happens later, in another process." },
          { id: "later", label: "No, it is paid afterwards, through a queue", explain: "order-service publishes OrderCreated and answers at once; payment-service takes the job from its queue when it can. The shopper never waits for the charge or the email." },
        ],
        expected: "later",
        measured: "The shop answered in {answerMs} ms. The payment was done {PaymentSucceeded.afterMs} ms and the email {EmailSent.afterMs} ms after the order was placed.",
      },
      hints: ["Look for OrderCreated, PaymentSucceeded and EmailSent in the event stream.", "Press “Show me” to place the order for you."],
      solution: [{ do: "order", stack: "microservices", count: 1 }],
      check: [{ is: "traceChain", stack: "microservices", chain: ["OrderCreated", "PaymentSucceeded", "EmailSent"], answeredFirst: true }],
    },
    {
      id: "look-back",
      title: "Watch it in slow motion",
      text: "It all took a fraction of a second. Slow motion replays the present a few seconds behind at a quarter of its speed; paused, you can step from event to event.",
      todo: "Press Slow motion under the graph, then place an order from the Shop tab. Pause, step with “event ▶” to a moment after the shop answered you but before payment-service finished the order's job, and press “This is the moment”.",
      target: { kind: "timeline", id: "slow-motion" },
      hints: ["The shop's answer is the call from the client to api-gateway; the job is OrderCreated in payment-inbox.", "Missed it? Rewind works too: “◀ event” steps back."],
      solution: [{ do: "mark-moment" }],
      check: [{ is: "momentFound", stack: "microservices", queue: "payment-inbox", answered: true }],
      window: "run",
      setup: [{ do: "order", stack: "microservices", count: 1 }],
    },
  ],
  result: [
    "REST: api-gateway waited {place-order:order-service.durationMs} ms for order-service, which itself waited {place-order:product-service.durationMs} ms for product-service's reservation.",
    "Queues: the shopper had the answer after {follow-events:answerMs} ms; the order was paid {follow-events:PaymentSucceeded.afterMs} ms in and its email sent {follow-events:EmailSent.afterMs} ms in, while nobody waited.",
    "In slow motion you stopped {look-back:moment.sinceAnswerMs} ms after the shopper had the answer, with {look-back:moment.job} still {look-back:moment.state}.",
  ],
};
