// What the supervisor keeps about one service of its stack: its definition, the version and replicas wanted, its
// instances, its restart policy and the action under way.
import type { RestartPolicy, ServiceView } from "../../contract/control";
import type { ServiceKind } from "../../contract/services";
import type { SupervisorAction } from "../../contract/lifecycle";
import type { Instance, LaunchSpec } from "./instance";

export interface ServiceDefinition {
  id: string;
  kind: ServiceKind;
  /** How to launch version `version` of this service; `env` is added to its environment. */
  launch(version: number, instanceId: string): LaunchSpec;
}

export interface ManagedService {
  definition: ServiceDefinition;
  version: number;
  /** Unplanned restarts only: crashes brought back by the restart policy. */
  restarts: number;
  /** How many instances the user wants running. */
  replicas: number;
  instances: Instance[];
  restartPolicy: RestartPolicy;
  lastDeploy: ServiceView["lastDeploy"];
  crashStreak: number;
  restartTimer?: NodeJS.Timeout;
  /** The action under way, so two cannot overlap. */
  busy?: SupervisorAction;
}
