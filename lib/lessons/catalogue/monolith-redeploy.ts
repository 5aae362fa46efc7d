// Lesson: a small change means redeploying everything — the monolith's recreate takes every feature down, and even
// a rolling redeploy, which avoids the outage, replaces every module for a one-line fix.
import type { LessonInput } from "../../contract/lessons";

export const monolithRedeploy: LessonInput = {
  id: "monolith-redeploy",
  title: "The monolith's redeploy replaces everything",
  proves: "Deploying one bug fix means redeploying the entire application: a recreate takes every feature down for a while, and even a rolling redeploy replaces every module.",
  minutes: 4,
  start: { architecture: "monolith", traffic: null },
  steps: [
    {
      id: "start-traffic",
      title: "Send shoppers to the monolith",
      text: "The monolith is one process with every module inside.",
      todo: "Open the Traffic tab and start 20 requests/s.",
      target: { kind: "button", id: "start-traffic" },
      hints: ["The Traffic tab is the second tab on the left."],
      solution: [{ do: "traffic", rps: 20, stack: "monolith", durationS: 120 }],
      check: [{ is: "trafficServed", stack: "monolith", atLeast: 40 }],
    },
    {
      id: "redeploy",
      title: "Redeploy the monolith (recreate)",
      text: "Imagine a one-line fix in payments. In a monolith you ship the whole application again. A recreate stops the old process, then starts the new one.",
      todo: "Select the monolith box, choose recreate, and press Redeploy.",
      target: { kind: "button", id: "redeploy", service: "monolith" },
      change: { kind: "redeploy", stack: "monolith", service: "monolith" },
      predict: {
        question: "You redeploy the monolith for a fix in payments. What do shoppers see?",
        choices: [
          { id: "nothing", label: "Nothing", explain: "Between the old process stopping and the new one answering there is no process at all. Every request in that gap fails." },
          { id: "payments", label: "Only payments fail", explain: "The fix is in payments, but the deploy unit is the whole process: browsing, log-in and orders go down with it." },
          { id: "everything", label: "Everything fails for a moment", explain: "A recreate leaves a gap with no process, and every module lives in that one process. Every feature fails until the new one is up." },
        ],
        expected: "everything",
        measured: "{failed} of {served} shoppers' requests failed; the shop was unavailable for {unavailableMs} ms.",
      },
      hints: ["The monolith is the one large box.", "Keep the traffic running while you redeploy."],
      solution: [{ do: "traffic", rps: 20, stack: "monolith", durationS: 120 }, { do: "redeploy", service: "monolith", strategy: "recreate" }],
      check: [{ is: "redeployed", stack: "monolith", service: "monolith", strategy: "recreate", minServed: 10, minFailed: 2, minUnavailableMs: 60 }],
      setup: [{ do: "traffic", rps: 20, stack: "monolith", durationS: 120 }],
    },
    {
      id: "rolling",
      title: "Now redeploy it rolling",
      text: "The outage came from the recreate strategy, not from being a monolith. A rolling redeploy starts a new copy first and retires the old one once the new one is healthy.",
      todo: "Select the monolith box, choose rolling, and press Redeploy.",
      target: { kind: "button", id: "redeploy", service: "monolith" },
      change: { kind: "redeploy", stack: "monolith", service: "monolith" },
      predict: {
        question: "A rolling redeploy of the monolith: what does it cost this time?",
        choices: [
          { id: "outage", label: "The same outage as before", explain: "The outage was the gap of a recreate. Rolling leaves no gap: the old copy serves until the new one is healthy." },
          { id: "everything-replaced", label: "No outage, but every module is replaced", explain: "Rolling avoids the gap, so no request fails. Yet the new process holds every module: to ship a one-line fix you restarted, re-tested and re-warmed them all." },
          { id: "payments-only", label: "Only the payments module is replaced", explain: "A process cannot be half replaced: the payments module has no process of its own. That is what extracting it into a service would give." },
        ],
        expected: "everything-replaced",
        measured: "{failed} of {served} requests failed during the rolling redeploy, the shop never unavailable for more than {unavailableMs} ms; the monolith is now v{version}, every module in it new.",
      },
      hints: ["The strategy is chosen next to the Redeploy button in the inspector."],
      solution: [{ do: "traffic", rps: 20, stack: "monolith", durationS: 120 }, { do: "redeploy", service: "monolith", strategy: "rolling" }],
      check: [{ is: "redeployed", stack: "monolith", service: "monolith", strategy: "rolling", minServed: 10, maxUnavailableMs: 250 }],
      setup: [{ do: "traffic", rps: 20, stack: "monolith", durationS: 120 }],
    },
  ],
  result: [
    "Recreate: {redeploy:failed} of {redeploy:served} shoppers' requests failed; the whole shop was unavailable for {redeploy:unavailableMs} ms.",
    "Rolling: {rolling:failed} of {rolling:served} failed and the longest gap was {rolling:unavailableMs} ms, yet all seven modules were replaced (v{rolling:version}) for a fix in one of them.",
  ],
};
