// Lesson: health that lies, and the front door — a process that answers its liveness probe looks well however it
// serves; a readiness check asks the question that matters and takes it out of the calls; and one process every
// request passes through fails the whole shop, however many services sit behind it.
import type { LessonInput } from "../../contract/lessons";

const LOAD = { do: "traffic", rps: 30, stack: "microservices", durationS: 120 } as const;
const FAILING = { do: "fault", fault: { service: "product-service", type: "errors", rate: 1, stack: "microservices" } } as const;
const READINESS = { do: "resilience", resilience: { readinessChecks: true } } as const;

export const healthLies: LessonInput = {
  id: "health-lies",
  title: "Health that lies, and the front door",
  proves: "A process that answers “am I alive?” can still fail every request: liveness is not readiness. A readiness check asks whether it can serve, and takes it out of the calls until it can. And the gateway every request passes through is a single point of failure: when it dies, every feature does.",
  minutes: 5,
  start: { architecture: "microservices", traffic: null },
  steps: [
    {
      id: "lie",
      title: "Break product-service, keep it alive",
      text: "Every second the sandbox asks each process GET /health: are you alive? That answer is spared from faults, like a process whose code runs but whose work fails.",
      todo: "Add an errors fault with rate 1 on product-service (microservices), then start 30 requests/s to the microservices.",
      target: { kind: "button", id: "inject-fault" },
      predict: {
        question: "product-service now answers every request with a 500. How does it look on the graph?",
        choices: [
          { id: "red", label: "Unhealthy: the sandbox sees it fail", explain: "The sandbox only asks whether the process answers GET /health, and it does. It never sees the 500s that shoppers get." },
          { id: "green", label: "Healthy, while shoppers get errors", explain: "Its health check asks only “are you alive?”, and the process is. Every browse fails, yet the graph shows it healthy: the check tells a comforting lie." },
          { id: "restarted", label: "Restarted by the sandbox", explain: "Nothing restarts a process that answers its health check. It stays up and keeps failing." },
        ],
        expected: "green",
        measured: "Browsing's error rate was {microservices.browse.errorRate}, and product-service stayed {product-service.status} for {product-service.healthyForS} s.",
      },
      hints: ["Break it: product-service, errors, rate 1, microservices.", "Then the Traffic tab: 30 requests/s to microservices."],
      solution: [FAILING, LOAD],
      check: [
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "errorRate", above: 0.9, minAnswers: 40 },
        { is: "stayedHealthy", service: "product-service" },
      ],
    },
    {
      id: "ready",
      title: "Ask whether it can serve",
      text: "A readiness check asks a different question: can you serve a request now? GET /ready takes the path a request takes, past the faults and into the service's database.",
      todo: "Keep the traffic running, open Break it and switch on readiness checks.",
      target: { kind: "button", id: "readiness" },
      change: { kind: "readiness" },
      settleMs: 4_000,
      predict: {
        question: "Readiness checks are on. What happens to product-service?",
        choices: [
          { id: "nothing", label: "Nothing: it still answers /health", explain: "Its readiness check fails the way shoppers' requests do, so the sandbox marks it not ready, even though it is alive." },
          { id: "out", label: "Marked not ready, and the gateway stops calling it", explain: "Two failed readiness checks in a row take it out of the registry. The gateway finds no instance to call and answers at once; product-service gets no more calls." },
          { id: "killed", label: "The sandbox kills it", explain: "Readiness does not kill anything. The process stays alive, out of the calls, until its check passes again." },
        ],
        expected: "out",
        measured: "product-service was marked not ready {product-service.notReadyAfterMs} ms after the switch; the calls it answered fell to {product-service.calls.answeredPerS}/s.",
      },
      hints: ["The Readiness checks switch is the last setting under the faults in Break it."],
      solution: [READINESS],
      check: [
        { is: "readiness", service: "product-service", ready: false },
        { is: "calls", stack: "microservices", to: "product-service", figure: "answeredPerS", phase: "after", below: 1 },
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "errorRate", phase: "after", above: 0.9, minAnswers: 20 },
      ],
      needs: [{ is: "faultActive", service: "product-service", type: "errors" }],
      setup: [FAILING, LOAD],
    },
    {
      id: "heal",
      title: "Heal it",
      text: "A service that is not ready is not dead. The sandbox keeps asking, and lets it back in once its check passes.",
      todo: "Clear the errors fault on product-service. Keep the traffic running.",
      target: { kind: "button", id: "inject-fault" },
      change: { kind: "fault-cleared", service: "product-service", type: "errors" },
      settleMs: 3_000,
      hints: ["Faults in force are listed in Break it, each with a Clear button."],
      solution: [{ do: "clear-fault", service: "product-service", type: "errors" }],
      check: [
        { is: "readiness", service: "product-service", ready: true },
        { is: "shoppers", stack: "microservices", feature: "browse", figure: "errorRate", phase: "after", below: 0.05, minAnswers: 20 },
      ],
      setup: [FAILING, LOAD, READINESS],
    },
    {
      id: "front-door",
      title: "Kill the front door",
      text: "Seven services, each with its own job. But every shopper's request enters through one of them: the api-gateway.",
      todo: "Keep the traffic running. Select api-gateway on the graph and press Kill.",
      target: { kind: "button", id: "kill", service: "api-gateway" },
      change: { kind: "kill", service: "api-gateway" },
      predict: {
        question: "The gateway holds no feature of its own: it passes calls on. What fails when it dies?",
        choices: [
          { id: "little", label: "Little: the six services behind it still run", explain: "They do run, but no shopper can reach them: every request comes in through the gateway." },
          { id: "login", label: "Only logging in", explain: "The gateway checks every shopper's token and forwards every request, not only log-ins. Without it nothing gets through." },
          { id: "everything", label: "Every feature", explain: "Every shopper's request passes through the gateway, so every feature fails with it, while the six services behind it sit idle. It is a single point of failure." },
        ],
        expected: "everything",
        measured: "Failed: {microservices.failedFeatures}. Kept working: {microservices.workingFeatures}. Other processes kept running: {kept} of {of}.",
      },
      hints: ["The gateway is the box on the left of the graph, where shoppers' requests come in."],
      solution: [{ do: "kill", service: "api-gateway" }],
      check: [
        { is: "blastRadius", stack: "microservices", service: "api-gateway", failed: ["browse", "notifications"], workingAny: [] },
        { is: "processesKept", stack: "microservices", except: ["api-gateway"] },
      ],
      setup: [LOAD, READINESS],
    },
  ],
  result: [
    "With every request to product-service failing, browsing's error rate was {lie:microservices.browse.errorRate}, yet product-service stayed healthy for {lie:product-service.healthyForS} s.",
    "With readiness checks on it was marked not ready after {ready:product-service.notReadyAfterMs} ms, and the calls it answered fell to {ready:product-service.calls.answeredPerS}/s.",
    "Healed, it passed its readiness check again, and browsing's error rate fell to {heal:microservices.browse.errorRate}.",
    "With the gateway killed, failed: {front-door:microservices.failedFeatures}; kept working: {front-door:microservices.workingFeatures}.",
  ],
};
