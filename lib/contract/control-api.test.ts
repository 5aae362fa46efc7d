// The control API's map: concrete paths built from a route's name (params encoded, none missing), requests matched
// back to their route by its pattern, and the map split into the classroom's routes and the sandbox's.
import { describe, expect, it } from "vitest";
import { CLASSROOM_ROUTE_NAMES, CONTROL_API, SANDBOX_ROUTE_NAMES, controlPath, routesMatching, successStatus, type ControlRouteName } from "./control-api";

const NAMES = Object.keys(CONTROL_API) as ControlRouteName[];

describe("controlPath", () => {
  it("gives a route without params its path as it is", () => {
    expect(controlPath("sandbox")).toBe("/api/sandbox");
    expect(controlPath("classroomQr")).toBe("/api/classroom/qr.svg");
  });

  it("puts each param in its segment, encoded", () => {
    expect(controlPath("serviceAction", { params: { id: "payment-service", action: "restart-policy" } })).toBe("/api/services/payment-service/restart-policy");
    expect(controlPath("removeFault", { params: { id: "a/b c?d" } })).toBe("/api/faults/a%2Fb%20c%3Fd");
    expect(controlPath("startLesson", { params: { id: "ünïcode" } })).toBe("/api/lessons/%C3%BCn%C3%AFcode/start");
  });

  it("appends the query's given values, and nothing when none is given", () => {
    expect(controlPath("recording", { query: { seconds: 600 } })).toBe("/api/recording?seconds=600");
    expect(controlPath("recording", { query: {} })).toBe("/api/recording");
    expect(controlPath("recordingOtlp")).toBe("/api/recording/otlp");
    expect(controlPath("classroomQr", { query: { code: "AB 12&x" } })).toBe("/api/classroom/qr.svg?code=AB+12%26x");
  });

  it("refuses a missing or empty param, naming it", () => {
    expect(() => controlPath("removeFault", {} as never)).toThrow("removeFault needs a value for :id in /api/faults/:id");
    expect(() => controlPath("serviceAction", { params: { id: "monolith" } } as never)).toThrow("serviceAction needs a value for :action");
    expect(() => controlPath("database", { params: { id: "" } })).toThrow("database needs a value for :id");
  });
});

describe("routesMatching", () => {
  it("finds every route from its own path, with its params by name", () => {
    for (const name of NAMES) {
      const params = Object.fromEntries([...CONTROL_API[name].path.matchAll(/:([A-Za-z]+)/g)].map(([, param]) => [param, `some-${param}`]));
      const path = controlPath(name, { params } as never);
      expect(routesMatching(NAMES, path).find((match) => match.method === CONTROL_API[name].method), name).toEqual({ name, method: CONTROL_API[name].method, params });
    }
  });

  it("gives every method a path allows, in the map's order", () => {
    expect(routesMatching(NAMES, "/api/faults").map(({ name, method }) => [name, method])).toEqual([
      ["faults", "GET"],
      ["addFault", "POST"],
      ["clearFaults", "DELETE"],
    ]);
  });

  it("matches a param to one whole segment only, and a dot as a dot", () => {
    expect(routesMatching(NAMES, "/api/services/payment-service/kill/now")).toEqual([]);
    expect(routesMatching(NAMES, "/api/services//kill")).toEqual([]);
    expect(routesMatching(NAMES, "/api/sandboxes")).toEqual([]);
    expect(routesMatching(NAMES, "/api/classroom/qrxsvg")).toEqual([]);
    expect(routesMatching(NAMES, "/api/sandbox/")).toEqual([]);
  });

  it("looks only among the names it is given", () => {
    expect(routesMatching(SANDBOX_ROUTE_NAMES, "/api/classroom/poll")).toEqual([]);
    expect(routesMatching(CLASSROOM_ROUTE_NAMES, "/api/classroom/poll").map(({ name }) => name)).toEqual(["openPoll"]);
  });
});

describe("the map", () => {
  it("splits into the classroom's routes and the sandbox's, each route in one of them", () => {
    expect([...SANDBOX_ROUTE_NAMES, ...CLASSROOM_ROUTE_NAMES].sort()).toEqual([...NAMES].sort());
    expect(CLASSROOM_ROUTE_NAMES.every((name) => CONTROL_API[name].path.startsWith("/api/classroom"))).toBe(true);
    expect(SANDBOX_ROUTE_NAMES.some((name) => CONTROL_API[name].path.startsWith("/api/classroom"))).toBe(false);
  });

  it("has one route per method and path", () => {
    const keys = NAMES.map((name) => `${CONTROL_API[name].method} ${CONTROL_API[name].path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("answers 201 where something is created, 200 elsewhere", () => {
    expect(NAMES.filter((name) => successStatus(name) === 201)).toEqual(["addFault", "openPoll"]);
    expect(successStatus("sandbox")).toBe(200);
  });
});
