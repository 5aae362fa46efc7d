// Lesson: backpressure — a queue is not capacity. A consumer slower than the orders coming in lets its queue grow
// and every job wait longer, though shoppers' orders are still answered at once; more consumers turn it round.
import type { LessonInput } from "../../contract/lessons";

const LOAD = { do: "traffic", rps: 40, stack: "microservices", durationS: 120 } as const;
const SLOW = { do: "fault", fault: { service: "payment-service", type: "slow-consumer", ms: 5_000, stack: "microservices" } } as const;

export const backpressure: LessonInput = {
  id: "backpressure",
  title: "Backpressure: a queue is not capacity",
  proves: "A queue only buys time: when jobs come in faster than a consumer takes them out, the queue grows and every job waits longer. Adding consumers is what drains it.",
  minutes: 4,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "steady",
      title: "Orders at a steady rate",
      text: "Shoppers now browse and order at 40 requests a second, about two orders a second. Each order puts a job in payment-inbox, and payment-service takes the jobs out.",
      todo: "Start 40 requests/s of traffic to the microservices.",
      target: { kind: "button", id: "start-traffic" },
      hints: ["The Traffic tab has the rate and the stack.", "Watch payment-inbox on the graph: jobs come and go at once."],
      solution: [LOAD],
      check: [
        { is: "trafficServed", stack: "microservices", atLeast: 100 },
        { is: "ordersSettled", stack: "microservices", atLeast: 5 },
        { is: "queueWait", stack: "microservices", queue: "payment-inbox", below: 1_000, minJobs: 5 },
      ],
    },
    {
      id: "slow",
      title: "Slow the consumer down",
      text: "payment-service will now take 5 seconds over each job, four at a time: less than one job a second, against about two coming in.",
      todo: "Add a slow-consumer fault of 5000 ms on payment-service (microservices). Keep the traffic running.",
      target: { kind: "button", id: "inject-fault" },
      change: { kind: "fault", service: "payment-service", type: "slow-consumer" },
      settleMs: 5_000,
      predict: {
        question: "Jobs now come in faster than payment-service takes them out. What happens?",
        choices: [
          { id: "absorbs", label: "The queue absorbs it: nothing changes", explain: "A queue holds what cannot be done yet, but it does not do the work. With more coming in than going out, what it holds only grows." },
          { id: "grows", label: "The queue grows, and each job waits longer", explain: "Every second about one more job goes in than comes out. The queue gets longer, and a new job waits behind all of them: the wait keeps growing while the rates stay as they are." },
          { id: "orders-fail", label: "Shoppers' orders start to fail", explain: "order-service answers the shopper as soon as the order and its event are saved. Nobody waits on payment-service, so orders are still accepted; they are paid later and later." },
        ],
        expected: "grows",
        measured: "{payment-inbox.inPerS} jobs a second went in and {payment-inbox.outPerS} came out. A job waited {payment-inbox.waitP50Ms} ms before payment-service took it.",
      },
      hints: ["Break it: payment-service, slow-consumer, 5000 ms, microservices.", "The number on payment-inbox is the jobs waiting."],
      solution: [LOAD, SLOW],
      check: [
        { is: "faultActive", service: "payment-service", type: "slow-consumer" },
        { is: "queueFlow", stack: "microservices", queue: "payment-inbox", trend: "rising", phase: "after", minJobs: 8 },
        { is: "queueWait", stack: "microservices", queue: "payment-inbox", phase: "after", above: 2_000, minJobs: 3 },
      ],
      setup: [LOAD],
    },
    {
      id: "scale",
      title: "Add consumers",
      text: "Replicas of payment-service compete for the jobs of the same queue: each takes the next job waiting.",
      todo: "Select payment-service and scale it to 3. Keep the traffic running.",
      target: { kind: "button", id: "scale", service: "payment-service" },
      change: { kind: "scale", service: "payment-service", replicas: 3 },
      settleMs: 3_000,
      predict: {
        question: "Three payment-services, each still slow. What happens to the queue?",
        choices: [
          { id: "drains", label: "It drains: more jobs out than in", explain: "Three consumers take out about three times as many jobs a second, more than come in. The queue shrinks, though each job is as slow as before." },
          { id: "same", label: "It keeps growing: each job is still slow", explain: "Each job is still slow, but three are worked on at once. What decides the queue's length is jobs in against jobs out, and out is now higher." },
          { id: "lost", label: "Jobs are lost while the replicas start", explain: "The jobs wait in redis, not in a process. A new replica takes its share of what is waiting; none is dropped." },
        ],
        expected: "drains",
        measured: "With 3 replicas, {payment-inbox.outPerS} jobs a second came out against {payment-inbox.inPerS} in.",
      },
      hints: ["Scale is in payment-service's inspector, under the actions."],
      solution: [{ do: "scale", service: "payment-service", replicas: 3 }],
      check: [
        { is: "scaled", service: "payment-service", replicas: 3 },
        { is: "queueFlow", stack: "microservices", queue: "payment-inbox", trend: "draining", phase: "after", minJobs: 5 },
      ],
      needs: [{ is: "faultActive", service: "payment-service", type: "slow-consumer" }],
      setup: [LOAD, SLOW],
    },
  ],
  result: [
    "While payment-service kept up, a job waited {steady:payment-inbox.waitP50Ms} ms in payment-inbox.",
    "Slowed down, payment-service took out {slow:payment-inbox.outPerS} jobs a second while {slow:payment-inbox.inPerS} came in, and a job waited {slow:payment-inbox.waitP50Ms} ms before it was taken.",
    "Three replicas took out {scale:payment-inbox.outPerS} jobs a second while {scale:payment-inbox.inPerS} came in: the queue drained.",
  ],
};
