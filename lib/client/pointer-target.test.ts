// Where the pointer lands: the button itself once it is on screen, and the way to it (service, tab) before.
import { describe, expect, it } from "vitest";
import { PointerTargetSchema } from "../contract/lessons";
import { pointerName, pointerPlaces } from "./pointer-target";

describe("pointerPlaces", () => {
  it("points at a service's button in that service's inspector, and at the service's box until it is selected", () => {
    const places = pointerPlaces({ kind: "button", id: "kill", service: "payment-service" });
    expect(places.map((place) => [place.selector, place.at, place.label])).toEqual([
      ['[data-service-inspector="payment-service"] [data-action="kill"]', "target", "press Kill"],
      ['.react-flow [data-stack="microservices"][data-service="payment-service"]', "way", "select payment-service, then Kill"],
    ]);
  });

  it("finds the monolith's buttons under its own box", () => {
    const [, way] = pointerPlaces({ kind: "button", id: "scale", service: "monolith" });
    expect(way.selector).toBe('.react-flow [data-stack="monolith"][data-service="monolith"]');
  });

  it("points at a panel's button inside its tab, and at the tab while it is closed", () => {
    expect(pointerPlaces({ kind: "button", id: "start-traffic" }).map((place) => [place.selector, place.at])).toEqual([
      ['#op-panel-traffic [data-control="start-traffic"]', "target"],
      ["#op-tab-traffic", "way"],
    ]);
    expect(pointerPlaces({ kind: "button", id: "circuit-breaker" })[1].label).toBe("open Break it, then Circuit breaker");
  });

  it("names a service's button with its service, so two steps pressing Kill on different services differ", () => {
    expect(pointerName({ kind: "button", id: "kill", service: "redis" })).toBe("button:kill:redis");
    expect(pointerName({ kind: "tab", id: "shop" })).toBe("tab:shop");
  });
});

describe("a button target", () => {
  it("names its service exactly when the button belongs to one", () => {
    expect(PointerTargetSchema.safeParse({ kind: "button", id: "kill", service: "payment-service" }).success).toBe(true);
    expect(PointerTargetSchema.safeParse({ kind: "button", id: "kill" }).success).toBe(false);
    expect(PointerTargetSchema.safeParse({ kind: "button", id: "start-traffic", service: "payment-service" }).success).toBe(false);
    expect(PointerTargetSchema.safeParse({ kind: "button", id: "reboot-the-world" }).success).toBe(false);
  });
});
