// The supervisor of one stack: owns every service of it and their instances (processes), decides what each
// action may do, carries out deploys (deploy-strategies.ts) and scaling, restarts crashed services when asked to, and
// keeps the registry of where each service can be reached. The UI and the control API ask; the supervisor decides.
import { ActionRefused } from "../refused";
import type { RestartPolicy, ServiceView } from "../../contract/control";
import type { LifecycleEvent, StackId } from "../../contract/events";
import type { ParentMessage, Registry } from "../../contract/ipc";
import type { ServiceStatus } from "../../contract/services";
import { childProcessDriver } from "./child-process-driver";
import { Instance } from "./instance";
import { recreate, rolling, type DeployHost } from "./deploy-strategies";
import type { ManagedService, ServiceDefinition } from "./managed-service";
import type { ProcessDriver } from "./process-driver";
import type { EventSink } from "../telemetry/event-sink";
import { isAlive, refusal, type SupervisorAction } from "../../contract/lifecycle";
import { nextCrashStreak, restartDelayMs } from "./restart-policy";

export type { ServiceDefinition } from "./managed-service";

/** How often running instances are asked for their health. */
export const HEALTH_INTERVAL_MS = 1_000;
/** A retired instance leaves the registry this long before it is stopped, so no caller picks it meanwhile. */
export const DRAIN_MS = 300;

export interface SupervisorHooks {
  /** Where every lifecycle move, log line and telemetry event of the stack's processes goes. */
  sink: EventSink;
  /** Anything about a service changed that a view would show. */
  changed(): void;
  /** Messages every new process gets before anything else (faults and resilience in force). */
  greetings(): ParentMessage[];
  /** Extra environment for a new process of `serviceId` (e.g. a bad release). */
  launchEnv(serviceId: string): Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const STATUS_RANK: ServiceStatus[] = ["healthy", "unhealthy", "starting", "stopping", "crashed", "stopped"];

export class Supervisor {
  private readonly services = new Map<string, ManagedService>();
  private readonly healthTimer: NodeJS.Timeout;
  private instanceCounter = 0;
  /** What the deploy strategies may do here. */
  private readonly deployHost: DeployHost = {
    launch: (service, version) => this.launch(service, version),
    fillReplicas: (service) => this.fillReplicas(service),
    retire: (instance, reason) => this.retire(instance, reason),
    prune: (service) => this.prune(service),
    isUp: (service) => this.addresses(service.definition.id).length > 0 || (service.definition.kind === "broker" && this.statusOf(service.definition.id) === "healthy"),
  };
  private lastRegistry = "";
  private shuttingDown = false;
  /** Whether health rounds also ask each instance whether it is ready, and take one that is not out of the registry. */
  private readinessChecks = false;

  constructor(
    readonly stack: StackId,
    definitions: ServiceDefinition[],
    private readonly hooks: SupervisorHooks,
    /** How processes are run: real child processes unless a test hands in another driver. */
    private readonly driver: ProcessDriver = childProcessDriver,
  ) {
    for (const definition of definitions) {
      this.services.set(definition.id, { definition, version: 1, restarts: 0, replicas: 1, instances: [], restartPolicy: "never", lastDeploy: null, crashStreak: 0 });
    }
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
    for (const status of STATUS_RANK) if (instances.some((instance) => instance.status === status)) return status;
    return "stopped";
  }

  /** Every healthy instance of a service that takes traffic (a retiring one no longer does). */
  addresses(id: string): string[] {
    return this.get(id).instances.filter((instance) => instance.status === "healthy" && !instance.draining && instance.address).map((instance) => instance.address!);
  }

  registry(): Registry {
    const registry: Registry = {};
    for (const [id, service] of this.services) if (service.definition.kind === "service") registry[id] = this.addresses(id);
    return registry;
  }

  /**
   * Starts every service that is not running: the broker is spawned first, and the services right after it without
   * waiting for its answer. redis is ready within tens of milliseconds, long before a service loads its queue library
   * (after its first health check), and a service rides out a broker that is not there yet as it does a broker crash.
   * Waiting for the broker's health first would hold every service back by that long (~0.1 s of a 2 s start).
   */
  async startAll(): Promise<void> {
    this.shuttingDown = false;
    const all = [...this.services.values()];
    const brokersFirst = [...all.filter((service) => service.definition.kind === "broker"), ...all.filter((service) => service.definition.kind !== "broker")];
    await Promise.all(brokersFirst.map((service) => this.fillReplicas(service)));
  }

  /** Runs `work` as the service's one action under way, after the lifecycle table said yes. */
  private async exclusive(id: string, action: SupervisorAction, work: (service: ManagedService) => Promise<void>): Promise<void> {
    const service = this.get(id);
    if (service.busy) throw new ActionRefused(409, `${id} is busy: a ${service.busy} is under way`);
    const why = refusal(id, action, this.statusOf(id));
    if (why) throw new ActionRefused(409, why);
    service.busy = action;
    clearTimeout(service.restartTimer);
    this.hooks.changed();
    try {
      await work(service);
    } finally {
      service.busy = undefined;
      this.hooks.changed();
    }
  }

  kill(id: string): Promise<void> {
    return this.exclusive(id, "kill", (service) => Promise.all(service.instances.map((instance) => instance.kill())).then(() => this.prune(service)));
  }

  stop(id: string): Promise<void> {
    return this.exclusive(id, "stop", (service) => Promise.all(service.instances.map((instance) => instance.stop())).then(() => this.prune(service)));
  }

  start(id: string): Promise<void> {
    // Restarts count the unplanned ones only (a crash brought back by the policy): a start asked for is not one.
    return this.exclusive(id, "start", async (service) => {
      service.crashStreak = 0;
      await this.fillReplicas(service);
    });
  }

  redeploy(id: string, strategy: "recreate" | "rolling"): Promise<void> {
    return this.exclusive(id, "redeploy", (service) => (strategy === "rolling" && this.addresses(id).length > 0 ? rolling(this.deployHost, service) : recreate(this.deployHost, service, strategy)));
  }

  scale(id: string, replicas: number): Promise<void> {
    return this.exclusive(id, "scale", async (service) => {
      service.replicas = replicas;
      if (!service.instances.some((instance) => isAlive(instance.status))) return; // takes effect at the next start
      const running = service.instances.filter((instance) => isAlive(instance.status) && !instance.draining);
      if (running.length < replicas) await this.fillReplicas(service);
      else await Promise.all(running.slice(replicas).map((instance) => this.retire(instance, `scaled down to ${replicas}`)));
      this.prune(service);
    });
  }

  setRestartPolicy(id: string, policy: RestartPolicy): void {
    const service = this.get(id);
    service.restartPolicy = policy;
    if (policy === "never") clearTimeout(service.restartTimer);
    this.hooks.changed();
  }

  /** Takes an instance out of the registry, lets callers notice, then stops it gracefully. */
  private async retire(instance: Instance, reason: string): Promise<void> {
    instance.draining = true;
    this.publishRegistry();
    this.hooks.changed();
    await sleep(DRAIN_MS);
    await instance.stop(reason);
  }

  /** Starts instances at the current version until `replicas` are alive. */
  private async fillReplicas(service: ManagedService): Promise<void> {
    if (this.shuttingDown) return;
    this.prune(service);
    const alive = service.instances.filter((instance) => isAlive(instance.status) && !instance.draining).length;
    const launches = Array.from({ length: Math.max(0, service.replicas - alive) }, () => this.launch(service, service.version));
    await Promise.all(launches);
  }

  /** Forgets dead instances, keeping the last one when nothing is alive so its status and reason stay visible. */
  private prune(service: ManagedService): void {
    const alive = service.instances.filter((instance) => isAlive(instance.status));
    service.instances = alive.length > 0 ? alive : service.instances.slice(-1);
  }

  /** Starts one new instance at `version`; resolves once it is healthy or has failed to get there. */
  private async launch(service: ManagedService, version: number): Promise<Instance> {
    const { definition } = service;
    const instanceId = `${definition.id}-${++this.instanceCounter}`;
    const spec = definition.launch(version, instanceId);
    spec.env = { ...spec.env, ...this.hooks.launchEnv(definition.id) };
    const instance = new Instance(definition.id, this.stack, definition.kind, instanceId, version, spec, this.hooks.sink, (event) => this.onLifecycle(service, instance, event), this.driver);
    service.instances = [...service.instances.filter((candidate) => isAlive(candidate.status)), instance];
    const started = instance.start();
    // A fresh process learns where everyone is, and what faults are in force, before it serves anything.
    instance.send({ type: "registry", registry: this.registry() });
    for (const message of this.hooks.greetings()) instance.send(message);
    await started;
    return instance;
  }

  private onLifecycle(service: ManagedService, instance: Instance, event: LifecycleEvent): void {
    this.hooks.sink.emit([event]);
    this.publishRegistry();
    this.hooks.changed();
    if (event.to === "crashed") this.afterCrash(service, instance);
  }

  /** Under on-failure, a service that crashed by itself (not during an action) is started again after a pause. */
  private afterCrash(service: ManagedService, instance: Instance): void {
    if (this.shuttingDown || service.busy || service.restartPolicy !== "on-failure" || !service.instances.includes(instance)) return;
    service.crashStreak = nextCrashStreak(service.crashStreak, Date.now() - (instance.startedAt ?? Date.now()));
    const delay = restartDelayMs(service.crashStreak);
    clearTimeout(service.restartTimer);
    service.restartTimer = setTimeout(() => {
      if (this.shuttingDown || service.busy || service.restartPolicy !== "on-failure") return;
      service.restarts++;
      void this.fillReplicas(service).then(() => this.hooks.changed());
    }, delay);
    service.restartTimer.unref();
  }

  /** Sends a message to every live process of the stack. */
  broadcast(message: ParentMessage): void {
    for (const service of this.services.values()) for (const instance of service.instances) instance.send(message);
  }

  /** Tells every running process where the services are now, when that changed. */
  private publishRegistry(): void {
    const registry = this.registry();
    const serialized = JSON.stringify(registry);
    if (serialized === this.lastRegistry) return;
    this.lastRegistry = serialized;
    this.broadcast({ type: "registry", registry });
  }

  private async healthRound(): Promise<void> {
    await Promise.all([...this.services.values()].flatMap((service) => service.instances.map((instance) => instance.checkHealth(this.readinessChecks))));
  }

  /** Readiness checks on or off, from the next health round; off, an instance that was only not ready is healthy again. */
  setReadinessChecks(on: boolean): void {
    this.readinessChecks = on;
  }

  /** Back to the first version, one replica, no restarts counted, no policy; the caller stops and starts around it. */
  resetServices(): void {
    for (const service of this.services.values()) {
      clearTimeout(service.restartTimer);
      Object.assign(service, { version: 1, restarts: 0, replicas: 1, restartPolicy: "never", lastDeploy: null, crashStreak: 0 });
    }
  }

  /** Stops every service (shop services first, then the broker), gracefully. */
  async stopAll(reason: string): Promise<void> {
    const all = [...this.services.values()];
    for (const service of all) clearTimeout(service.restartTimer);
    const stopEach = (services: ManagedService[]) => Promise.all(services.flatMap((service) => service.instances.map((instance) => instance.stop(reason))));
    await stopEach(all.filter((service) => service.definition.kind !== "broker"));
    await stopEach(all.filter((service) => service.definition.kind === "broker"));
  }

  /** Stops everything for good: no restart policy brings anything back. */
  async shutdown(reason = "the sandbox is shutting down"): Promise<void> {
    this.shuttingDown = true;
    await this.stopAll(reason);
  }

  /** Stops the health rounds too: the supervisor is done. */
  async dispose(): Promise<void> {
    await this.shutdown();
    clearInterval(this.healthTimer);
  }

  views(): ServiceView[] {
    return [...this.services.values()].map((service) => {
      const alive = service.instances.filter((instance) => isAlive(instance.status));
      const primary = alive.find((instance) => instance.status === "healthy" && !instance.draining) ?? alive[0] ?? service.instances[service.instances.length - 1];
      return {
        id: service.definition.id,
        stack: this.stack,
        kind: service.definition.kind,
        status: this.statusOf(service.definition.id),
        pid: primary?.pid ?? null,
        port: primary?.port ?? null,
        address: primary?.address ?? null,
        // The version of the instance the box shows (its pid and port): during a rolling redeploy the new instance takes
        // over before the deploy is done, and must not be labelled with the old version meanwhile.
        version: primary?.version ?? service.version,
        restarts: service.restarts,
        startedAt: primary?.startedAt ?? null,
        replicas: service.replicas,
        instances: service.instances.map((instance) => instance.view()),
        reason: service.busy ? `${service.busy} under way` : (primary?.reason ?? "not started"),
        // Every service a supervisor runs is the sandbox's own; only a broker given through REDIS_URL is not (sandbox.ts).
        managed: true,
        restartPolicy: service.restartPolicy,
        lastDeploy: service.lastDeploy,
      };
    });
  }
}
