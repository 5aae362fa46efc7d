// Challenge: thirty orders were accepted and none is paid; get every one paid, none twice.
import type { LessonInput } from "../../contract/lessons";

export const stuckOrders: LessonInput = {
  id: "stuck-orders",
  title: "Thirty orders, none paid",
  proves: "An order accepted into a queue waits there until its consumer returns: nothing is lost, and each is paid once.",
  minutes: 2,
  start: { architecture: "microservices", traffic: null },
  challenge: { goal: "Every one of the 30 orders paid (or declined), none charged twice.", par: 1 },
  steps: [
    {
      id: "goal",
      title: "Get them paid",
      text: "Thirty orders were accepted a moment ago. Not one has been paid.",
      todo: "Get every order paid, none twice.",
      target: { kind: "queue", id: "payment-inbox" },
      hints: ["Where do accepted orders wait to be paid? Look at the queues.", "Who takes jobs out of payment-inbox?"],
      solution: [{ do: "start", service: "payment-service" }],
      check: [{ is: "ordersSettled", stack: "microservices", atLeast: 30 }],
      setup: [
        { do: "kill", service: "payment-service" },
        { do: "order", stack: "microservices", count: 10 },
        { do: "order", stack: "microservices", count: 10 },
        { do: "order", stack: "microservices", count: 10 },
      ],
    },
  ],
  result: ["Every order in the shop settled ({goal:paid} paid, {goal:paymentFailed} declined) and {goal:chargedTwice} charged twice: in {goal:seconds} s, {goal:actions} actions (par {goal:par}), {goal:hints} hints."],
};
