// Builds the lesson runner for a sandbox: where its checks read from and how its calls are performed.
import type { Metrics } from "../contract/control";
import type { Sandbox } from "../sandbox/sandbox";
import type { ScenarioControl } from "../sandbox/scenarios/scenario-control";
import type { TrafficControl } from "../sandbox/traffic/traffic-control";
import { audit } from "../sandbox/metrics/audit";
import { applyStart, performAll } from "./lesson-actions";
import { LessonRunner } from "./lesson-runner";

export function createLessonRunner(sandbox: Sandbox, instruments: { traffic: TrafficControl; scenarios: ScenarioControl; metrics(): Metrics }): LessonRunner {
  const operations = { sandbox, traffic: instruments.traffic, scenarios: instruments.scenarios };
  return new LessonRunner({
    state: () => sandbox.state(),
    subscribe: (listener) => sandbox.hub.subscribe(listener),
    onState: (listener) => sandbox.onState(listener),
    onShopper: (listener) => sandbox.onShopperAnswer(listener),
    traffic: () => instruments.traffic.view(),
    lastRedeploy: (stack) => sandbox.incidents.lastRedeploy(stack),
    lastFailure: (stack) => sandbox.incidents.lastFailure(stack),
    metrics: instruments.metrics,
    audit: () => audit(sandbox),
    applyStart: (lesson) => applyStart(lesson.start, operations),
    perform: (actions) => performAll(actions, operations),
    hide: (faults) => {
      for (const fault of faults) sandbox.faults.add(fault, { hidden: true });
    },
    reveal: (fault) => {
      const hidden = sandbox.faults.hiddenMatching(fault);
      if (hidden) sandbox.faults.reveal(hidden.id);
    },
  });
}
