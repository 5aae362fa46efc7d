// The classroom's handlers are exactly the control API map's /api/classroom routes: none missing, none extra.
import { describe, expect, it } from "vitest";
import { CLASSROOM_ROUTE_NAMES } from "../contract/control-api";
import { CLASSROOM_HANDLERS } from "./classroom-routes";

describe("the classroom's route table", () => {
  it("has a handler for every /api/classroom route of the map, and none beside them", () => {
    expect(Object.keys(CLASSROOM_HANDLERS).sort()).toEqual([...CLASSROOM_ROUTE_NAMES].sort());
  });
});
