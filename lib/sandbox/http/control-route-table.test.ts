// The sandbox's handlers are exactly the control API map's routes outside the classroom: none missing, none extra, in
// the map's order (the order a 405 names the allowed methods in).
import { describe, expect, it } from "vitest";
import { SANDBOX_ROUTE_NAMES } from "../../contract/control-api";
import { CONTROL_HANDLERS } from "./control-routes";

describe("the control API's route table", () => {
  it("has a handler for every route of the map but the classroom's, and none beside them", () => {
    expect(Object.keys(CONTROL_HANDLERS)).toEqual(SANDBOX_ROUTE_NAMES);
  });
});
