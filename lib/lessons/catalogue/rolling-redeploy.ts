// Lesson: deploy only that service; the rest keeps running (a rolling redeploy under traffic, 0 failed, no other process touched).
import type { LessonInput } from "../../contract/lessons";

export const rollingRedeploy: LessonInput = {
  id: "rolling-redeploy",
  title: "Deploy one service, the rest keeps running",
  proves: "Need to update the Product Service? Deploy only that service: a rolling redeploy under traffic fails no shopper's request, and every other process keeps running.",
  minutes: 3,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "start-traffic",
      title: "Send shoppers",
      text: "A deploy only matters when people are using the shop. Let us send some shoppers.",
      todo: "Open the Traffic tab and start 20 requests/s.",
      target: { kind: "button", id: "start-traffic" },
      hints: ["The Traffic tab is the second tab on the left."],
      solution: [{ do: "traffic", rps: 20, stack: "microservices", durationS: 90 }],
      check: [{ is: "trafficServed", stack: "microservices", atLeast: 40 }],
    },
    {
      id: "rolling",
      title: "Redeploy product-service, rolling",
      text: "A rolling redeploy starts the new version, waits until it is healthy, moves traffic to it, then retires the old one.",
      todo: "Select product-service, choose the rolling strategy, and press Redeploy.",
      target: { kind: "button", id: "redeploy", service: "product-service" },
      change: { kind: "redeploy", stack: "microservices", service: "product-service" },
      predict: {
        question: "product-service is replaced while shoppers browse. How many of their requests fail?",
        choices: [
          { id: "none", label: "None", explain: "The old instance serves until the new one is healthy, and only then retires. There is never a moment without a product-service." },
          { id: "few", label: "A few", explain: "A few would fail if the old instance stopped before the new one answered. A rolling redeploy waits for the new one's health first." },
          { id: "all", label: "All of them, for a second", explain: "That is a recreate: stop, then start. A rolling redeploy overlaps the two versions, so no request meets an empty gap." },
        ],
        expected: "none",
        measured: "{served} shoppers' requests came during the redeploy; {failed} failed. {kept} of the {of} other processes kept their pid.",
      },
      hints: ["The strategy is chosen next to the Redeploy button in the inspector.", "Keep the traffic running while you redeploy."],
      solution: [{ do: "traffic", rps: 20, stack: "microservices", durationS: 60 }, { do: "redeploy", service: "product-service", strategy: "rolling" }],
      check: [
        { is: "redeployed", stack: "microservices", service: "product-service", strategy: "rolling", minServed: 20, maxFailed: 0 },
        { is: "processesKept", stack: "microservices", except: ["product-service"] },
      ],
      setup: [{ do: "traffic", rps: 20, stack: "microservices", durationS: 90 }],
    },
  ],
  result: [
    "Rolling redeploy of product-service (now v{rolling:version}): {rolling:served} shoppers' requests during it, {rolling:failed} failed, {rolling:unavailableMs} ms unavailable.",
    "The rest kept running: {rolling:kept} of {rolling:of} other processes had the same pid before and after.",
  ],
};
