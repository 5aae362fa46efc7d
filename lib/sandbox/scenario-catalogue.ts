// The ready-made scenarios: each sets up a situation step by step and says what to watch.
import type { Scenario } from "../contract/scenarios";
import { DEFAULT_RESILIENCE } from "../contract/resilience";
import type { Sandbox } from "./sandbox";
import type { TrafficControl } from "./sandbox-extras";

export interface ScenarioContext {
  sandbox: Sandbox;
  traffic: TrafficControl;
  /** Records a step the learner sees in the scenario panel. */
  step(text: string): void;
  /** Waits, unless the scenario is stopped first (then it throws and the scenario ends). */
  wait(ms: number): Promise<void>;
}

export interface ScenarioDefinition extends Scenario {
  run(context: ScenarioContext): Promise<void>;
}

export const SCENARIOS: ScenarioDefinition[] = [
  {
    id: "payment-outage",
    title: "Payment outage",
    architecture: "microservices",
    setup: "Shoppers keep ordering while payment-service is killed for 20 seconds, then it is started again.",
    watch: "Orders are still accepted (202, pending) and pile up in payment-inbox; when payment-service returns, the queue drains and every order ends paid, once. The audit stays clean.",
    async run({ sandbox, traffic, step, wait }) {
      traffic.start({ rps: 20, stack: "microservices" });
      step("traffic: 20 requests/s of browsing, logging in and ordering");
      await wait(3_000);
      await sandbox.kill("payment-service");
      step("killed payment-service: watch payment-inbox fill up while orders are still accepted");
      await wait(20_000);
      await sandbox.startService("payment-service");
      step("started payment-service again: watch the backlog drain and the orders turn paid");
    },
  },
  {
    id: "bad-release",
    title: "Bad release, rolled back",
    architecture: "microservices",
    setup: "product-service v2 is broken (it crashes at start) and is deployed with the rolling strategy under traffic.",
    watch: "The new instance crashes and never takes traffic; the old version keeps serving, so no shopper sees an error. The node shows the rollback.",
    async run({ sandbox, traffic, step, wait }) {
      traffic.start({ rps: 20, stack: "microservices" });
      step("traffic: 20 requests/s");
      sandbox.addFault({ service: "product-service", type: "crash-on-start" });
      step("product-service's next release is broken (crash-on-start)");
      await wait(3_000);
      step("rolling redeploy of product-service…");
      await sandbox.redeploy("product-service", "rolling");
      const outcome = sandbox.state().services.find((service) => service.id === "product-service")?.lastDeploy;
      step(`rolling redeploy: ${outcome?.outcome ?? "done"} — ${outcome?.reason ?? ""}`);
    },
  },
  {
    id: "slow-dependency",
    title: "Slow dependency, then the circuit opens",
    architecture: "microservices",
    setup: "product-service answers 1.5 s late. Callers time out after 1 s; a circuit breaker is on.",
    watch: "Latency spreads to the gateway and to order placing; after five failures in a row the gateway's circuit to product-service opens and calls fail fast instead of waiting; every 5 s one trial call goes through.",
    async run({ sandbox, traffic, step, wait }) {
      sandbox.setResilience({ ...DEFAULT_RESILIENCE, timeouts: true, timeoutMs: 1_000, circuitBreaker: true });
      step("resilience: 1 s timeouts and a circuit breaker on every call");
      traffic.start({ rps: 20, stack: "microservices" });
      step("traffic: 20 requests/s");
      await wait(3_000);
      sandbox.addFault({ service: "product-service", type: "latency", ms: 1_500 });
      step("product-service now answers 1.5 s late: watch the calls to it time out, then the circuit open");
    },
  },
  {
    id: "broker-crash",
    title: "Broker crash",
    architecture: "microservices",
    setup: "redis, the queues' broker, is killed for 15 seconds under traffic, then started again.",
    watch: "The services stay up; orders are still accepted and wait in order-service's outbox; payment stops. When redis returns every service reconnects by itself, the outbox empties and the orders get paid.",
    async run({ sandbox, traffic, step, wait }) {
      traffic.start({ rps: 20, stack: "microservices" });
      step("traffic: 20 requests/s");
      await wait(3_000);
      await sandbox.kill("redis");
      step("killed redis: watch what keeps working and what waits");
      await wait(15_000);
      await sandbox.startService("redis");
      step("started redis again: watch the services reconnect and the waiting orders get paid");
    },
  },
  {
    id: "noisy-neighbour",
    title: "Noisy neighbour",
    architecture: "both",
    setup: "The payment module hogs the CPU (200 ms of blocking per job) in both stacks, under the same traffic.",
    watch: "In the monolith every feature slows down, because the payment module blocks the one process. In the microservices only payment-service slows; browsing and ordering stay fast. Compare the stacks' latency.",
    async run({ sandbox, traffic, step, wait }) {
      traffic.start({ rps: 20 });
      step("traffic: 20 requests/s on each stack");
      await wait(5_000);
      sandbox.addFault({ service: "payment-service", type: "cpu-hog", ms: 200 });
      step("payment module: 200 ms of blocking per job, in both stacks: compare their latency");
    },
  },
  {
    id: "scale-out",
    title: "Scale out under load",
    architecture: "microservices",
    setup: "Heavy traffic, and every product-service call costs 30 ms of CPU; after 10 s product-service and the gateway are scaled to 3 instances.",
    watch: "Latency climbs while one instance of product-service queues the work; once scaled, the gateway spreads calls over the three and latency falls. The queues' consumers compete for jobs.",
    async run({ sandbox, traffic, step, wait }) {
      sandbox.addFault({ service: "product-service", type: "cpu-hog", ms: 30 });
      step("every product-service request costs 30 ms of CPU");
      traffic.start({ rps: 40, stack: "microservices" });
      step("traffic: 40 requests/s");
      await wait(10_000);
      step("scaling product-service and api-gateway to 3 instances…");
      await Promise.all([sandbox.scale("product-service", 3), sandbox.scale("api-gateway", 3)]);
      step("scaled to 3: watch latency fall as calls spread over the instances");
    },
  },
];
