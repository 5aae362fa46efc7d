// The fault form: only the fields a fault type takes, a body the server's schema accepts, refusals on the field.
import { describe, expect, it } from "vitest";
import { FaultBodySchema } from "../contract/faults";
import { checkFaultForm, describeFault, FAULT_PRESETS, fieldsFor, INITIAL_FAULT_FORM } from "./fault-form";

const form = (patch: Partial<typeof INITIAL_FAULT_FORM>) => ({ ...INITIAL_FAULT_FORM, ...patch });

describe("the fault form", () => {
  it("shows only the fields a fault type takes", () => {
    expect(fieldsFor("latency")).toEqual(["ms"]);
    expect(fieldsFor("errors")).toEqual(["rate"]);
    expect(fieldsFor("partition")).toEqual(["peer"]);
    expect(fieldsFor("crash-on-start")).toEqual([]);
  });

  it("sends only the fields of the chosen type, in a body the server's schema accepts", () => {
    const latency = checkFaultForm(form({ type: "latency", ms: "800" }));
    expect(latency.body).toEqual({ service: "product-service", type: "latency", ms: 800 });
    const errors = checkFaultForm(form({ service: "payment-service", type: "errors", ratePercent: "50" }));
    expect(errors.body).toEqual({ service: "payment-service", type: "errors", rate: 0.5 });
    const partition = checkFaultForm(form({ service: "order-service", type: "partition", peer: "product-service" }));
    expect(partition.body).toEqual({ service: "order-service", type: "partition", peer: "product-service" });
    for (const check of [latency, errors, partition, checkFaultForm(form({ type: "crash-on-start" }))]) expect(FaultBodySchema.safeParse(check.body).success).toBe(true);
  });

  it("refuses what the server would refuse, with a sentence on the field", () => {
    expect(checkFaultForm(form({ type: "latency", ms: "20000" })).errors?.ms).toMatch(/1 to 10000/);
    expect(checkFaultForm(form({ type: "latency", ms: "" })).errors?.ms).toBeDefined();
    expect(checkFaultForm(form({ type: "latency", ms: "2.5" })).errors?.ms).toBeDefined();
    expect(checkFaultForm(form({ type: "cpu-hog", ms: "2500" })).errors?.ms).toMatch(/1 to 2000/);
    expect(checkFaultForm(form({ type: "errors", ratePercent: "150" })).errors?.rate).toMatch(/0 to 100/);
    expect(checkFaultForm(form({ type: "partition", service: "order-service", peer: "order-service" })).errors?.peer).toMatch(/itself/);
    expect(checkFaultForm(form({ service: "monolith" })).errors?.service).toBeDefined();
  });

  it("targets one stack only when one is chosen", () => {
    expect(checkFaultForm(form({ stack: "monolith" })).body?.stack).toBe("monolith");
    expect(checkFaultForm(form({ stack: "" })).body?.stack).toBeUndefined();
  });

  it("offers presets the server accepts, and says each fault in words", () => {
    for (const preset of FAULT_PRESETS) expect(FaultBodySchema.safeParse(preset.body).success).toBe(true);
    expect(describeFault({ service: "payment-service", type: "errors", rate: 0.5 })).toBe("payment-service: 50 % of requests fail");
    expect(describeFault({ service: "product-service", type: "latency", ms: 800, stack: "monolith" })).toBe("product-service: +800 ms on every request (monolith only)");
  });
});
