// Lesson: a small change means redeploying everything — the monolith's redeploy takes every feature down.
import type { LessonInput } from "../../contract/lessons";

export const monolithRedeploy: LessonInput = {
  id: "monolith-redeploy",
  title: "The monolith's redeploy takes everything down",
  proves: "Deploying one bug fix means redeploying the entire application: while the monolith restarts, every feature is gone.",
  minutes: 3,
  start: { architecture: "monolith", traffic: null },
  steps: [
    {
      id: "start-traffic",
      title: "Send shoppers to the monolith",
      text: "The monolith is one process with every module inside.",
      todo: "Open the Traffic tab and start 20 requests/s.",
      target: { kind: "button", id: "start-traffic" },
      hints: ["The Traffic tab is the second tab on the left."],
      solution: [{ do: "traffic", rps: 20, stack: "monolith", durationS: 60 }],
      check: [{ is: "trafficServed", stack: "monolith", atLeast: 40 }],
    },
    {
      id: "redeploy",
      title: "Redeploy the monolith",
      text: "Imagine a one-line fix in payments. In a monolith you ship the whole application again.",
      todo: "Select the monolith box and press Redeploy (recreate).",
      target: { kind: "button", id: "redeploy", service: "monolith" },
      predict: {
        question: "You redeploy the monolith for a fix in payments. What do shoppers see?",
        choices: [
          { id: "nothing", label: "Nothing" },
          { id: "payments", label: "Only payments fail" },
          { id: "everything", label: "Everything fails for a moment" },
        ],
        measured: "{failed} of {served} shoppers' requests failed; the shop was unavailable for {unavailableMs} ms.",
      },
      hints: ["The monolith is the one large box.", "Keep the traffic running while you redeploy."],
      solution: [{ do: "traffic", rps: 20, stack: "monolith", durationS: 60 }, { do: "redeploy", service: "monolith", strategy: "recreate" }],
      check: [{ is: "redeployed", stack: "monolith", service: "monolith", strategy: "recreate", minServed: 10 }],
      setup: [{ do: "traffic", rps: 20, stack: "monolith", durationS: 60 }],
    },
  ],
  result: ["The monolith's redeploy: {redeploy:unavailableMs} ms unavailable, {redeploy:failed} failed requests of {redeploy:served}.", "Compare: the microservices' rolling redeploy of one service fails none (lesson “Deploy one service”)."],
};
