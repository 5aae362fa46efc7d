// Lesson: at least once, charged once — a queue delivers a job again when its consumer dies holding it, and the
// consumer is idempotent, so no order is charged twice; an order sent twice with one Idempotency-Key is made once.
import type { LessonInput } from "../../contract/lessons";

const SLOW = { do: "fault", fault: { service: "payment-service", type: "slow-consumer", ms: 8_000, stack: "microservices" } } as const;
const DIE_HOLDING = [SLOW, { do: "order", stack: "microservices", count: 2 }, { do: "kill", service: "payment-service" }, { do: "start", service: "payment-service" }] as const;

export const atLeastOnce: LessonInput = {
  id: "at-least-once",
  title: "At least once, charged once",
  proves: "A queue delivers a job at least once: when its consumer dies holding it, the job is delivered again. Consumers that do the same job twice harmlessly (idempotent) charge every order once, and an order sent twice with one Idempotency-Key is made once.",
  minutes: 4,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "die-holding",
      title: "Kill payment-service while it pays",
      text: "payment-service will now take 8 seconds over each job. A job it has taken stays locked to it in redis while it works; if the lock is not renewed, the job goes back in the queue.",
      todo: "Add a slow-consumer fault of 8000 ms on payment-service (microservices) and place two orders from the Shop tab. Within 8 seconds, kill payment-service, then start it again.",
      target: { kind: "button", id: "inject-fault" },
      predict: {
        question: "payment-service dies holding jobs it has not finished. What becomes of those orders?",
        choices: [
          { id: "lost", label: "They are lost: the process that had them is gone", explain: "The jobs were never removed from redis, only locked. When the lock runs out, the job goes back to the queue for the next consumer." },
          { id: "twice", label: "They are delivered again, and some are charged twice", explain: "A job can be delivered twice, but payment-service keeps one charge per order as a unique row. The second delivery finds the charge and does not make another." },
          { id: "once", label: "They are delivered again, and each is charged once", explain: "The stalled jobs return to the queue and the restarted payment-service takes them. It records one charge per order, so a second delivery cannot charge again." },
        ],
        expected: "once",
        measured: "{redeliveredJob} was delivered again ({how}); then {paid} orders were paid and {chargedTwice} charged twice.",
      },
      hints: ["Break it: payment-service, slow-consumer, 8000 ms, microservices.", "Kill payment-service while its jobs are shown as active on payment-inbox, then press Start.", "Too late? Place two more orders and kill it again."],
      solution: [...DIE_HOLDING],
      check: [
        { is: "redelivered", stack: "microservices", queue: "payment-inbox" },
        { is: "ordersSettled", stack: "microservices", atLeast: 2 },
      ],
    },
    {
      id: "find-held-job",
      title: "Look back at the kill",
      text: "The timeline under the graph keeps the last minutes. Rewound, the graph and the queue show the sandbox as it was, and you can step from event to event.",
      todo: "Press Rewind under the graph and go to the moment payment-service went down (“mark ▶” jumps between marks). Stop where it is down and a job of payment-inbox is still unfinished, then press “This is the moment”.",
      target: { kind: "timeline", id: "rewind" },
      hints: [
        "A red mark on the timeline is a service going down.",
        "Just after the kill, payment-inbox still holds the job payment-service took: nobody has finished it. In the event stream (untick “fold generated traffic” to see the lesson's own orders) its last line says payment-service took it, with no “completed” after.",
      ],
      solution: [{ do: "mark-moment" }],
      check: [{ is: "momentFound", stack: "microservices", queue: "payment-inbox", serviceDown: "payment-service" }],
      window: "run",
      setup: [...DIE_HOLDING],
    },
    {
      id: "same-key",
      title: "Send an order twice",
      text: "A shopper whose answer got lost sends the order again. The Shop tab sends each order with an Idempotency-Key, one per click: the same key tells the shop it is the same order.",
      todo: "Order something from the Shop tab, then press “send it again” beside the answer.",
      target: { kind: "tab", id: "shop" },
      predict: {
        question: "The same order arrives twice with the same Idempotency-Key. What does the shop do?",
        choices: [
          { id: "two", label: "It makes two orders", explain: "It would, if the key were ignored. order-service keeps the key as a unique column, so the second request finds the order the first one made." },
          { id: "refuse", label: "It refuses the second with an error", explain: "Refusing would tell a shopper whose first answer was lost that ordering failed. The shop answers the retry like the first request, with the same order." },
          { id: "same", label: "It answers with the first order again", explain: "The key was seen before with the same items, so order-service gives back the order it already made. No second OrderCreated is published." },
        ],
        expected: "same",
        measured: "{answered} order requests were answered; {created} made an order and {givenBack} got the same order back.",
      },
      hints: ["The answer line under your account gets a “send it again” link after an order is accepted."],
      solution: [{ do: "order", stack: "microservices", count: 1, sentTwice: true }],
      check: [{ is: "ordersDeduplicated", stack: "microservices" }],
    },
  ],
  result: [
    "A job of payment-inbox was delivered again ({die-holding:how}); once all were done, {die-holding:paid} orders were paid and {die-holding:chargedTwice} charged twice.",
    "Looking back, the moment you marked showed {find-held-job:moment.job} {find-held-job:moment.state}, {find-held-job:moment.sinceDownMs} ms after payment-service went down.",
    "Sent twice with one Idempotency-Key, {same-key:answered} requests made {same-key:created} order.",
  ],
};
