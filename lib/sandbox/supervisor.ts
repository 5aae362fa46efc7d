// The supervisor: owns every service of a stack and its processes, decides what each action may do, and keeps
// the registry of where each service can be reached. The UI and the control API ask; the supervisor decides.
import type { ServiceAction, ServiceView } from "../contract/control";
import type { LifecycleEvent, LogEvent, StackId, TelemetryEvent } from "../contract/events";
import type { Registry } from "../contract/ipc";
import type { ServiceKind, ServiceStatus } from "../contract/services";
import { Instance, type LaunchSpec } from "./instance";
import { refusal } from "./lifecycle";

/** How often running instances are asked for their health. */
export const HEALTH_INTERVAL_MS = 1_000;

export interface ServiceDefinition {
  id: string;
  kind: ServiceKind;
  /** How to launch version `version` of this service. */
  launch(version: number, instanceId: string): LaunchSpec;
  /** Whether the app may stop or kill it (a broker given through REDIS_URL is not ours). */
  managed: boolean;
}

export interface SupervisorHooks {
  lifecycle(event: LifecycleEvent): void;
  log(event: LogEvent): void;
  telemetry(events: TelemetryEvent[], dropped: number): void;
  /** Anything about a service changed that a view would show. */
  changed(): void;
}

/** The answer to a refused action: the HTTP status and a sentence. */
export class ActionRefused extends Error {
  constructor(readonly status: 404 | 409, message: string) {
    super(message);
  }
}

interface ManagedService {
  definition: ServiceDefinition;
  version: number;
  restarts: number;
  instances: Instance[];
  /** The action under way, so two cannot overlap. */
  busy?: ServiceAction;
}

export class Supervisor {
  private readonly services = new Map<string, ManagedService>();
  private readonly healthTimer: NodeJS.Timeout;
  private instanceCounter = 0;
  private lastRegistry = "";
  private shuttingDown = false;

  constructor(
    readonly stack: StackId,
    definitions: ServiceDefinition[],
    private readonly hooks: SupervisorHooks,
  ) {
    for (const definition of definitions) this.services.set(definition.id, { definition, version: 1, restarts: 0, instances: [] });
    this.healthTimer = setInterval(() => void this.healthRound(), HEALTH_INTERVAL_MS);
    this.healthTimer.unref();
  }

  has(id: string): boolean {
    return this.services.has(id);
  }

  private get(id: string): ManagedService {
    const service = this.services.get(id);
    if (!service) throw new ActionRefused(404, `there is no service called ${id}`);
    return service;
  }

  /** The service's status as one word: that of its best instance, or stopped when it has none. */
  statusOf(id: string): ServiceStatus {
    const { instances } = this.get(id);
    const order: ServiceStatus[] = ["healthy", "unhealthy", "starting", "stopping", "crashed", "stopped"];
    for (const status of order) if (instances.some((instance) => instance.status === status)) return status;
    return "stopped";
  }

  /** The registry: every shop service's healthy instances. */
  registry(): Registry {
    const registry: Registry = {};
    for (const [id, service] of this.services) {
      if (service.definition.kind !== "service") continue;
      registry[id] = service.instances.filter((instance) => instance.status === "healthy" && instance.address).map((instance) => instance.address!);
    }
    return registry;
  }

  /** Starts every service that is not running; brokers first, so services find their queues. */
  async startAll(): Promise<void> {
    const all = [...this.services.values()];
    const brokers = all.filter((service) => service.definition.kind === "broker");
    await Promise.all(brokers.map((service) => this.launch(service, false)));
    await Promise.all(all.filter((service) => service.definition.kind !== "broker").map((service) => this.launch(service, false)));
  }

  /** Carries out a user action, or refuses it with 404/409 before anything changes. */
  async act(id: string, action: ServiceAction): Promise<void> {
    const service = this.get(id);
    if (!service.definition.managed) throw new ActionRefused(409, `${id} is not managed by the sandbox (it was given through REDIS_URL)`);
    if (service.busy) throw new ActionRefused(409, `${id} is busy: a ${service.busy} is under way`);
    const why = refusal(id, action, this.statusOf(id));
    if (why) throw new ActionRefused(409, why);
    service.busy = action;
    this.hooks.changed();
    try {
      if (action === "kill") await Promise.all(service.instances.map((instance) => instance.kill()));
      else if (action === "stop") await Promise.all(service.instances.map((instance) => instance.stop()));
      else if (action === "start") await this.launch(service, true);
      else await this.redeploy(service);
    } finally {
      service.busy = undefined;
      this.hooks.changed();
    }
  }

  /** Recreate: the old instances stop, then the next version starts. The gap between is the downtime. */
  private async redeploy(service: ManagedService): Promise<void> {
    await Promise.all(service.instances.map((instance) => instance.stop("replaced by a redeploy")));
    service.version++;
    await this.launch(service, true);
  }

  /** Starts one new instance of the service at its current version (running ones are left alone). */
  private async launch(service: ManagedService, isRestart: boolean): Promise<void> {
    if (this.shuttingDown) return;
    if (service.instances.some((instance) => instance.status !== "stopped" && instance.status !== "crashed")) return;
    const { definition } = service;
    if (isRestart) service.restarts++;
    const instanceId = `${definition.id}-${++this.instanceCounter}`;
    const instance = new Instance(definition.id, this.stack, definition.kind, instanceId, service.version, definition.launch(service.version, instanceId), {
      lifecycle: (event) => {
        this.hooks.lifecycle(event);
        this.publishRegistry();
        this.hooks.changed();
      },
      log: this.hooks.log,
      telemetry: this.hooks.telemetry,
    });
    service.instances = [instance];
    const started = instance.start(() => {});
    // A fresh process learns where everyone is before it serves anything.
    instance.send({ type: "registry", registry: this.registry() });
    await started;
  }

  /** Tells every running process where the services are now, when that changed. */
  private publishRegistry(): void {
    const registry = this.registry();
    const serialized = JSON.stringify(registry);
    if (serialized === this.lastRegistry) return;
    this.lastRegistry = serialized;
    for (const service of this.services.values()) for (const instance of service.instances) instance.send({ type: "registry", registry });
  }

  private async healthRound(): Promise<void> {
    const checks = [...this.services.values()].flatMap((service) => service.instances.map((instance) => instance.checkHealth()));
    await Promise.all(checks);
  }

  /** Back to the first version with no restarts counted; the caller stops and starts around it. */
  resetVersions(): void {
    for (const service of this.services.values()) {
      service.version = 1;
      service.restarts = 0;
    }
  }

  /** Stops every service (shop services first, then the broker), gracefully. */
  async stopAll(reason: string): Promise<void> {
    const all = [...this.services.values()].filter((service) => service.definition.managed);
    const stopEach = (services: ManagedService[]) => Promise.all(services.flatMap((service) => service.instances.map((instance) => instance.stop(reason))));
    await stopEach(all.filter((service) => service.definition.kind !== "broker"));
    await stopEach(all.filter((service) => service.definition.kind === "broker"));
  }

  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.healthTimer);
    await this.stopAll("the sandbox is shutting down");
  }

  views(): ServiceView[] {
    return [...this.services.values()].map((service) => {
      const primary = service.instances.find((instance) => instance.status !== "stopped" && instance.status !== "crashed") ?? service.instances[0];
      return {
        id: service.definition.id,
        stack: this.stack,
        kind: service.definition.kind,
        status: this.statusOf(service.definition.id),
        pid: primary?.pid ?? null,
        port: primary?.port ?? null,
        address: primary?.address ?? null,
        version: primary?.version ?? service.version,
        restarts: service.restarts,
        startedAt: primary?.startedAt ?? null,
        replicas: service.instances.filter((instance) => instance.status !== "stopped" && instance.status !== "crashed").length,
        instances: service.instances.map((instance) => instance.view()),
        reason: service.busy ? `${service.busy} under way` : (primary?.reason ?? "not started"),
        managed: service.definition.managed,
      };
    });
  }
}
