// What the control API and the lessons may do with scenarios: list them, start one by id, stop the one running.
import type { ScenariosView } from "../../contract/scenarios";

export interface ScenarioControl {
  has(id: string): boolean;
  view(): ScenariosView;
  start(id: string): Promise<ScenariosView>;
  stop(): Promise<ScenariosView>;
}
