// Performs a lesson's calls (a "Show me", a deep link's set-up, "Put it back") through the same operations the
// control API and the storefront offer; a call whose effect is already in place is skipped, not refused.
import type { LessonAction, LessonStartSchema } from "../contract/lessons";
import { DEFAULT_RESILIENCE } from "../contract/resilience";
import type { Sandbox } from "../sandbox/sandbox";
import type { ScenarioControl } from "../sandbox/scenarios/scenario-control";
import type { TrafficControl } from "../sandbox/traffic/traffic-control";
import type { z } from "zod";
import { isDown } from "./check-input";
import { placeOrders } from "./lesson-shopper";

export interface LessonOperations {
  sandbox: Sandbox;
  traffic: TrafficControl;
  scenarios: ScenarioControl;
}

const statusOf = (sandbox: Sandbox, id: string) => sandbox.state().services.find((service) => service.id === id)?.status;

export async function perform(action: LessonAction, { sandbox, traffic }: LessonOperations): Promise<void> {
  switch (action.do) {
    case "kill":
      if (!isDown(statusOf(sandbox, action.service))) await sandbox.kill(action.service);
      return;
    case "start":
      if (isDown(statusOf(sandbox, action.service))) await sandbox.startService(action.service);
      return;
    case "redeploy":
      return sandbox.redeploy(action.service, action.strategy);
    case "scale":
      return sandbox.scale(action.service, action.replicas);
    case "traffic":
      traffic.start({ rps: action.rps, stack: action.stack, durationS: action.durationS });
      return;
    case "order":
      await placeOrders(sandbox, action.stack, action.count, action.productId, action.sentTwice);
      return;
    case "fault":
      sandbox.faults.add(action.fault);
      return;
    case "clear-fault":
      for (const fault of sandbox.faults.list()) if (fault.service === action.service && fault.type === action.type) sandbox.faults.remove(fault.id);
      return;
    case "resilience":
      sandbox.setResilience({ ...sandbox.state().resilience, ...action.resilience });
      return;
  }
}

export async function performAll(actions: readonly LessonAction[], operations: LessonOperations): Promise<void> {
  for (const action of actions) await perform(action, operations);
}

/** A lesson's start: no scenario, no traffic, faults off, default resilience, its architecture, every service up at one instance. */
export async function applyStart(start: z.infer<typeof LessonStartSchema>, operations: LessonOperations): Promise<void> {
  const { sandbox, traffic, scenarios } = operations;
  if (scenarios.view().active) await scenarios.stop();
  traffic.stop();
  sandbox.faults.clear();
  sandbox.setResilience(DEFAULT_RESILIENCE);
  if (sandbox.architecture !== start.architecture) await sandbox.setArchitecture(start.architecture);
  await sandbox.restoreServices();
  for (const service of sandbox.state().services) if (service.replicas > 1) await sandbox.scale(service.id, 1);
  await waitUntil(() => sandbox.state().services.every((service) => service.status === "healthy"), 30_000);
  if (start.traffic) traffic.start({ rps: start.traffic.rps, stack: start.traffic.stack });
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("the sandbox did not become healthy in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
