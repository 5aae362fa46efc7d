// Lesson: a saga that compensates — no transaction spans the services, so a step that fails later is undone by an
// event: a declined payment puts the reserved stock back. Read in one order's trace and in the shop's own data.
import type { LessonInput } from "../../contract/lessons";

export const sagaCompensates: LessonInput = {
  id: "saga-compensates",
  title: "A saga that compensates",
  proves: "No transaction spans the services: when a later step fails, events undo the earlier ones. A declined payment puts the reserved stock back on the shelf.",
  minutes: 3,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "paid",
      title: "An order that goes through",
      text: "Placing an order takes three services, each with its own database. product-service reserves the stock while you wait; payment-service charges the card later, from its queue; product-service then marks the stock sold.",
      todo: "In the Shop tab, register and order the Wireless mouse. Follow its events in the stream.",
      target: { kind: "tab", id: "shop" },
      hints: ["Look for OrderCreated, PaymentSucceeded and InventoryUpdated in the event stream."],
      solution: [{ do: "order", stack: "microservices", count: 1 }],
      check: [{ is: "traceChain", stack: "microservices", chain: ["OrderCreated", "PaymentSucceeded", "InventoryUpdated"] }],
    },
    {
      id: "declined",
      title: "A card declined",
      text: "The simulated card issuer declines any charge above $500. By the time it does, the stock is already reserved, in another service's database.",
      todo: "Order the Developer laptop ($1,899) and follow its events in the stream. Afterwards press reload beside Products: how many laptops are left?",
      target: { kind: "tab", id: "shop" },
      predict: {
        question: "The laptop was reserved for your order, then the card is declined. What happens to the laptop?",
        choices: [
          { id: "held", label: "It stays reserved for an order nobody will pay", explain: "It would, if nothing told product-service. Here the failed payment is an event, and product-service listens for it." },
          { id: "back", label: "An event puts it back on the shelf", explain: "payment-service publishes PaymentFailed; product-service releases the reservation and says so with InventoryUpdated. That undoing step is the compensation." },
          { id: "never", label: "It was never reserved: the card is asked first", explain: "The stock is reserved while you wait; the card is charged later, from a queue, so the shop cannot ask it first." },
        ],
        expected: "back",
        measured: "The card was declined {PaymentFailed.afterMs} ms after the order, and the laptop was back on the shelf {InventoryUpdated.afterMs} ms after it; the shop's data agrees: no stock held for an order that failed.",
      },
      hints: ["The laptop costs more than the card limit of $500.", "Press “Show me” to place the order for you."],
      solution: [{ do: "order", stack: "microservices", count: 1, productId: "p-laptop" }],
      check: [
        { is: "traceChain", stack: "microservices", chain: ["OrderCreated", "PaymentFailed", "InventoryUpdated"] },
        { is: "ordersSettled", stack: "microservices", atLeast: 1 },
      ],
    },
  ],
  result: [
    "Paid: the mouse was charged {paid:PaymentSucceeded.afterMs} ms after the order and marked sold {paid:InventoryUpdated.afterMs} ms after it.",
    "Declined: the laptop was reserved, the card refused it {declined:PaymentFailed.afterMs} ms in, and the reservation was undone {declined:InventoryUpdated.afterMs} ms in, by an event, with no transaction across the services.",
  ],
};
