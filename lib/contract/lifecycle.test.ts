// What the supervisor's transition table lets a service do, and how it explains a refused action.
import { describe, expect, it } from "vitest";
import { ServiceStatusSchema, type ServiceStatus } from "./services";
import { ACTION_FROM, TRANSITIONS, actionAllowed, canTransition, isAlive, refusal } from "./lifecycle";

const ALL_STATUSES = ServiceStatusSchema.options;

describe("transitions", () => {
  it("lists every status, so no state is a dead end the supervisor forgot", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ALL_STATUSES].sort());
    for (const status of ALL_STATUSES) expect(TRANSITIONS[status].length).toBeGreaterThan(0);
  });

  it.each<[ServiceStatus, ServiceStatus]>([
    ["starting", "healthy"],
    ["starting", "crashed"],
    ["starting", "stopping"],
    ["healthy", "unhealthy"],
    ["healthy", "crashed"],
    ["healthy", "stopping"],
    ["unhealthy", "healthy"],
    ["unhealthy", "stopping"],
    ["unhealthy", "crashed"],
    ["stopping", "stopped"],
    ["stopped", "starting"],
    ["crashed", "starting"],
  ])("lets a %s service become %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each<[ServiceStatus, ServiceStatus]>([
    ["stopped", "healthy"],
    ["crashed", "healthy"],
    ["stopping", "healthy"],
    ["stopping", "crashed"],
    ["stopped", "stopping"],
    ["healthy", "starting"],
    ["healthy", "healthy"],
  ])("refuses to let a %s service become %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it("only restarts a dead service through starting", () => {
    expect(TRANSITIONS.stopped).toEqual(["starting"]);
    expect(TRANSITIONS.crashed).toEqual(["starting"]);
  });
});

describe("actions", () => {
  it("refuses to start a service that is already healthy, naming the service and what would allow it", () => {
    const reason = refusal("payment-service", "start", "healthy");
    expect(reason).toBe(
      "cannot start payment-service while it is healthy: start is possible when it is stopped, crashed",
    );
  });

  it("says nothing against an action that is allowed", () => {
    expect(refusal("payment-service", "start", "crashed")).toBeUndefined();
    expect(refusal("order-service", "stop", "healthy")).toBeUndefined();
  });

  it.each<ServiceStatus>(["healthy", "starting", "unhealthy", "stopping"])("kills a %s service", (status) => {
    expect(actionAllowed("kill", status)).toBe(true);
    expect(refusal("user-service", "kill", status)).toBeUndefined();
  });

  it.each<ServiceStatus>(["stopped", "crashed"])("refuses to kill a service that is already %s", (status) => {
    expect(refusal("user-service", "kill", status)).toMatch(/^cannot kill user-service while it is /);
  });

  it.each<ServiceStatus>(["stopped", "crashed", "healthy", "unhealthy"])("redeploys a %s service", (status) => {
    expect(actionAllowed("redeploy", status)).toBe(true);
  });

  it.each<ServiceStatus>(["starting", "stopping"])("refuses to redeploy a service that is %s", (status) => {
    expect(refusal("product-service", "redeploy", status)).toContain(`cannot redeploy product-service while it is ${status}`);
  });

  it.each<ServiceStatus>(["stopped", "crashed", "stopping"])("refuses to stop a service that is %s", (status) => {
    expect(actionAllowed("stop", status)).toBe(false);
  });

  it.each<ServiceStatus>(["stopped", "crashed", "healthy", "unhealthy"])("scales a %s service", (status) => {
    expect(refusal("order-service", "scale", status)).toBeUndefined();
  });

  it.each<ServiceStatus>(["starting", "stopping"])("refuses to scale a service that is %s", (status) => {
    expect(refusal("order-service", "scale", status)).toBe(
      `cannot scale order-service while it is ${status}: scale is possible when it is healthy, unhealthy, stopped, crashed`,
    );
  });

  it("only offers actions whose first step the transition table allows", () => {
    // start and redeploy of a dead process lead to starting; stop and kill of a live one lead to stopping or an exit.
    for (const status of ACTION_FROM.start) expect(canTransition(status, "starting")).toBe(true);
    for (const status of ACTION_FROM.stop) expect(canTransition(status, "stopping")).toBe(true);
  });
});

describe("isAlive", () => {
  it.each<ServiceStatus>(["starting", "healthy", "unhealthy", "stopping"])("counts a %s process as alive", (status) => {
    expect(isAlive(status)).toBe(true);
  });

  it.each<ServiceStatus>(["stopped", "crashed"])("counts a %s process as gone", (status) => {
    expect(isAlive(status)).toBe(false);
  });
});
