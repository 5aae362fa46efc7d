// The ready-made scenarios: each sets up a situation step by step within its stated duration, names the one figure
// to watch while it runs, and sums up what was measured once it ends.
import type { Audit, SandboxState } from "../../contract/control";
import type { StackId } from "../../contract/events";
import type { Scenario } from "../../contract/scenarios";
import { DEFAULT_RESILIENCE } from "../../contract/resilience";
import type { Sandbox } from "../sandbox";
import type { TrafficControl } from "../traffic/traffic-control";
import type { ScenarioReadings } from "./readings";
import { shopLines, trafficLine, type Outcome } from "./summary";

export interface ScenarioContext {
  sandbox: Sandbox;
  traffic: TrafficControl;
  /** Records a step the learner sees in the scenario panel. */
  step(text: string): void;
  /** Waits, unless the scenario is stopped first (then it throws and the scenario ends). */
  wait(ms: number): Promise<void>;
  /** Names this moment, so the figures can say what happened since ("down", "up"). */
  mark(name: string): void;
}

/** What the summary is drawn from: the readings, the audit before and after, and the sandbox at the end. */
export interface ScenarioEnd {
  readings: ScenarioReadings;
  audit: { before: Audit[]; after: Audit[] };
  state: SandboxState;
}

export interface ScenarioDefinition extends Scenario {
  run(context: ScenarioContext): Promise<void>;
  /** The key figure while it runs, in words. */
  figure(readings: ScenarioReadings): string;
  summarise(end: ScenarioEnd): Outcome;
}

const MS: StackId = "microservices";
const p95Text = (ms: number | null) => (ms === null ? "no answer yet" : `${ms} ms`);

/** The outage scenarios: a dependency killed for a while under traffic, then started again. */
function outage(victim: string, queue: string | null): Pick<ScenarioDefinition, "figure" | "summarise"> {
  return {
    figure(readings) {
      const backlog = queue ? ` · ${queue}: ${readings.waiting(queue)} waiting` : "";
      if (!readings.hasMark("down")) return `${readings.count(MS, "ordersAccepted")} orders accepted so far${backlog}`;
      const accepted = readings.between(MS, "ordersAccepted", "down", readings.hasMark("up") ? "up" : undefined);
      if (!readings.hasMark("up")) return `${accepted} orders accepted while ${victim} is down${backlog}`;
      return `${victim} is back: ${accepted} orders were accepted while it was down${backlog}`;
    },
    summarise({ readings, audit }) {
      const acceptedWhileDown = readings.between(MS, "ordersAccepted", "down", readings.hasMark("up") ? "up" : undefined);
      const peak = queue ? readings.peakWaitingIn(queue) : 0;
      const shop = shopLines(MS, audit);
      const traffic = trafficLine(readings, MS);
      const lines = [
        readings.hasMark("down") ? `${acceptedWhileDown} orders accepted while ${victim} was down${readings.hasMark("up") ? "" : " (it ended before it came back)"}` : `it ended before ${victim} was killed`,
        ...(queue ? [`${queue} peaked at ${peak} waiting`] : []),
        ...shop.lines,
        traffic.line,
      ];
      return { lines, figures: { acceptedWhileDown, ...(queue ? { queuePeak: peak } : {}), ...shop.figures, ...traffic.figures } };
    },
  };
}

/** An outage under traffic: 3 s of traffic first, then `victim` killed for `downMs` and started again, each step said. */
function killedFor(victim: string, downMs: number, words: { traffic: string; down: string; up: string }): ScenarioDefinition["run"] {
  return async ({ sandbox, traffic, step, wait, mark }) => {
    traffic.start({ rps: 20, stack: MS });
    step(words.traffic);
    await wait(3_000);
    await sandbox.kill(victim);
    mark("down");
    step(words.down);
    await wait(downMs);
    await sandbox.startService(victim);
    mark("up");
    step(words.up);
  };
}

export const SCENARIOS: ScenarioDefinition[] = [
  {
    id: "payment-outage",
    title: "Payment outage",
    architecture: "microservices",
    durationS: 40,
    setup: "Shoppers keep ordering while payment-service is killed for 20 seconds, then it is started again.",
    watch: "Orders are still accepted (202, pending) and pile up in payment-inbox; when payment-service returns, the queue drains and every order ends paid, once. The audit stays clean.",
    run: killedFor("payment-service", 20_000, {
      traffic: "traffic: 20 requests/s of browsing, logging in and ordering",
      down: "killed payment-service: watch payment-inbox fill up while orders are still accepted",
      up: "started payment-service again: watch the backlog drain and the orders turn paid",
    }),
    ...outage("payment-service", "payment-inbox"),
  },
  {
    id: "bad-release",
    title: "Bad release, rolled back",
    architecture: "microservices",
    durationS: 20,
    setup: "product-service v2 is broken (it crashes at start) and is deployed with the rolling strategy under traffic.",
    watch: "The new instance crashes and never takes traffic; the old version keeps serving, so no shopper sees an error. The node shows the rollback.",
    async run({ sandbox, traffic, step, wait, mark }) {
      traffic.start({ rps: 20, stack: "microservices" });
      step("traffic: 20 requests/s");
      sandbox.faults.add({ service: "product-service", type: "crash-on-start" });
      step("product-service's next release is broken (crash-on-start)");
      await wait(3_000);
      step("rolling redeploy of product-service…");
      mark("deploy");
      await sandbox.redeploy("product-service", "rolling");
      mark("deployed");
      const outcome = sandbox.state().services.find((service) => service.id === "product-service")?.lastDeploy;
      step(`rolling redeploy: ${outcome?.outcome ?? "done"} — ${outcome?.reason ?? ""}`);
    },
    figure: (readings) => `${readings.count(MS, "failed")} of ${readings.count(MS, "sent")} shopper requests failed`,
    summarise({ readings, state }) {
      const deploy = state.services.find((service) => service.id === "product-service")?.lastDeploy;
      const failedDuring = readings.between(MS, "failed", "deploy", readings.hasMark("deployed") ? "deployed" : undefined);
      const traffic = trafficLine(readings, MS);
      const lines = [deploy ? `the rolling redeploy of product-service v${deploy.version} was ${deploy.outcome}` : "it ended before the redeploy", `${failedDuring} shopper requests failed during the redeploy`, traffic.line];
      return { lines, figures: { failedDuringDeploy: failedDuring, rolledBack: deploy?.outcome === "rolled-back" ? 1 : 0, ...traffic.figures } };
    },
  },
  {
    id: "slow-dependency",
    title: "Slow dependency, then the circuit opens",
    architecture: "microservices",
    durationS: 30,
    setup: "product-service answers 1.5 s late. Callers time out after 1 s; a circuit breaker is on.",
    watch: "Latency spreads to the gateway and to order placing; after five failures in a row the gateway's circuit to product-service opens and calls fail fast instead of waiting; every 5 s one trial call goes through.",
    async run({ sandbox, traffic, step, wait, mark }) {
      sandbox.setResilience({ ...DEFAULT_RESILIENCE, timeouts: true, timeoutMs: 1_000, circuitBreaker: true });
      step("resilience: 1 s timeouts and a circuit breaker on every call");
      traffic.start({ rps: 20, stack: "microservices" });
      step("traffic: 20 requests/s");
      await wait(3_000);
      sandbox.faults.add({ service: "product-service", type: "latency", ms: 1_500 });
      mark("slow");
      step("product-service now answers 1.5 s late: watch the calls to it time out, then the circuit open");
    },
    figure: (readings) => `shoppers' p95 ${p95Text(readings.p95(MS))} · ${readings.count(MS, "failed")} of ${readings.count(MS, "sent")} requests failed`,
    summarise({ readings }) {
      const traffic = trafficLine(readings, MS);
      const failedSlow = readings.between(MS, "failed", "slow");
      const lines = [`shoppers' p95 peaked at ${p95Text(readings.peakP95Of(MS))}`, `${failedSlow} requests failed once product-service was slow`, traffic.line];
      return { lines, figures: { failedWhileSlow: failedSlow, ...(readings.peakP95Of(MS) === null ? {} : { peakP95Ms: readings.peakP95Of(MS)! }), ...traffic.figures } };
    },
  },
  {
    id: "broker-crash",
    title: "Broker crash",
    architecture: "microservices",
    durationS: 35,
    setup: "redis, the queues' broker, is killed for 15 seconds under traffic, then started again.",
    watch: "The services stay up; orders are still accepted and wait in order-service's outbox; payment stops. When redis returns every service reconnects by itself, the outbox empties and the orders get paid.",
    run: killedFor("redis", 15_000, {
      traffic: "traffic: 20 requests/s",
      down: "killed redis: watch what keeps working and what waits",
      up: "started redis again: watch the services reconnect and the waiting orders get paid",
    }),
    ...outage("redis", null),
  },
  {
    id: "noisy-neighbour",
    title: "Noisy neighbour",
    architecture: "both",
    durationS: 30,
    setup: "The payment module hogs the CPU (200 ms of blocking per job) in both stacks, under the same traffic.",
    watch: "In the monolith every feature slows down, because the payment module blocks the one process. In the microservices only payment-service slows; browsing and ordering stay fast. Compare the stacks' latency.",
    async run({ sandbox, traffic, step, wait, mark }) {
      traffic.start({ rps: 20 });
      step("traffic: 20 requests/s on each stack");
      await wait(5_000);
      sandbox.faults.add({ service: "payment-service", type: "cpu-hog", ms: 200 });
      mark("hog");
      step("payment module: 200 ms of blocking per job, in both stacks: compare their latency");
    },
    figure: (readings) => `shoppers' p95: microservices ${p95Text(readings.p95("microservices"))} · monolith ${p95Text(readings.p95("monolith"))}`,
    summarise({ readings }) {
      const stacks: StackId[] = ["microservices", "monolith"];
      const lines = stacks.map((stack) => `${stack}: shoppers' p95 ${p95Text(readings.p95(stack, readings.hasMark("hog") ? "hog" : undefined))} before the hog, peaked at ${p95Text(readings.peakP95Of(stack))}; ${trafficLine(readings, stack).line}`);
      const figures = Object.fromEntries(stacks.flatMap((stack) => (readings.peakP95Of(stack) === null ? [] : [[`${stack}PeakP95Ms`, readings.peakP95Of(stack)!]])));
      return { lines, figures };
    },
  },
  {
    id: "scale-out",
    title: "Scale out under load",
    architecture: "microservices",
    durationS: 30,
    setup: "Heavy traffic, and every product-service call costs 30 ms of CPU; after 10 s product-service and the gateway are scaled to 3 instances.",
    watch: "Latency climbs while one instance of product-service queues the work; once scaled, the gateway spreads calls over the three and latency falls. The queues' consumers compete for jobs.",
    async run({ sandbox, traffic, step, wait, mark }) {
      sandbox.faults.add({ service: "product-service", type: "cpu-hog", ms: 30 });
      step("every product-service request costs 30 ms of CPU");
      traffic.start({ rps: 40, stack: "microservices" });
      step("traffic: 40 requests/s");
      await wait(10_000);
      mark("one instance");
      step("scaling product-service and api-gateway to 3 instances…");
      await Promise.all([sandbox.scale("product-service", 3), sandbox.scale("api-gateway", 3)]);
      step("scaled to 3: watch latency fall as calls spread over the instances");
    },
    figure: (readings) => `shoppers' p95 ${p95Text(readings.p95(MS))} · ${readings.count(MS, "failed")} of ${readings.count(MS, "sent")} requests failed`,
    summarise({ readings }) {
      const traffic = trafficLine(readings, MS);
      const lines = [`shoppers' p95 with one instance: ${p95Text(readings.p95(MS, "one instance"))}; at the end, with three: ${p95Text(readings.p95(MS))}`, traffic.line];
      return { lines, figures: traffic.figures };
    },
  },
];
