"use client";
// Any fault, by hand: service, type (with what it does), only the fields that type needs, and the stack when both run.
import { useState, type FormEvent } from "react";
import { useStore } from "zustand";
import { FAULT_DESCRIPTIONS, FAULT_TYPES, type FaultType } from "../../lib/contract/faults";
import { SHOP_SERVICE_IDS } from "../../lib/contract/services";
import { callControl } from "../../lib/client/sandbox-api";
import { checkFaultForm, fieldsFor, INITIAL_FAULT_FORM, maxMsFor, type FaultField, type FaultFormValues } from "../../lib/client/fault-form";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { CodeWords } from "./CodeWords";

export function FaultForm() {
  const bothRun = useStore(sandboxStore, (view) => view.sandbox?.architecture === "both");
  const [values, setValues] = useState<FaultFormValues>(INITIAL_FAULT_FORM);
  const [errors, setErrors] = useState<Partial<Record<FaultField, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const type = (FAULT_TYPES as readonly string[]).includes(values.type) ? (values.type as FaultType) : "latency";
  const fields = fieldsFor(type);
  const set = (field: keyof FaultFormValues) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setDone(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setServerError(null);
    setDone(null);
    const check = checkFaultForm({ ...values, stack: bothRun ? values.stack : "" });
    setErrors(check.errors ?? {});
    if (!check.body) return;
    setBusy(true);
    const result = await callControl("addFault", { body: check.body });
    setBusy(false);
    if (result.ok) setDone(`Injected: ${check.body.type} on ${check.body.service}.`);
    else setServerError(result.error);
  }

  const fieldError = (field: FaultField) =>
    errors[field] && (
      <span className="field-error" id={`fault-${field}-error`}>
        {errors[field]}
      </span>
    );

  return (
    <form className="op-form" aria-label="Inject a fault" onSubmit={(event) => void submit(event)} noValidate>
      <h3>Any fault</h3>
      <label>
        <span>service</span>
        <select value={values.service} onChange={set("service")} aria-invalid={Boolean(errors.service)}>
          {SHOP_SERVICE_IDS.map((id) => (
            <option key={id}>{id}</option>
          ))}
        </select>
      </label>
      {fieldError("service")}
      <label>
        <span>fault</span>
        <select value={values.type} onChange={set("type")} aria-describedby="fault-type-description">
          {FAULT_TYPES.map((id) => (
            <option key={id}>{id}</option>
          ))}
        </select>
      </label>
      <p className="muted small" id="fault-type-description">
        <CodeWords text={FAULT_DESCRIPTIONS[type]} />
      </p>
      {fields.includes("ms") && (
        <>
          <label>
            <span>ms</span>
            <input type="number" inputMode="numeric" min={1} max={maxMsFor(type)} step={1} value={values.ms} onChange={set("ms")} aria-invalid={Boolean(errors.ms)} aria-describedby={errors.ms ? "fault-ms-error" : undefined} />
          </label>
          {fieldError("ms")}
        </>
      )}
      {fields.includes("rate") && (
        <>
          <label>
            <span>failing %</span>
            <input type="number" inputMode="decimal" min={0} max={100} step={5} value={values.ratePercent} onChange={set("ratePercent")} aria-invalid={Boolean(errors.rate)} aria-describedby={errors.rate ? "fault-rate-error" : undefined} />
          </label>
          {fieldError("rate")}
        </>
      )}
      {fields.includes("peer") && (
        <>
          <label>
            <span>cut from</span>
            <select value={values.peer} onChange={set("peer")} aria-invalid={Boolean(errors.peer)} aria-describedby={errors.peer ? "fault-peer-error" : undefined}>
              {SHOP_SERVICE_IDS.map((id) => (
                <option key={id}>{id}</option>
              ))}
            </select>
          </label>
          {fieldError("peer")}
        </>
      )}
      {bothRun && (
        <label>
          <span>stack</span>
          <select value={values.stack} onChange={set("stack")}>
            <option value="">both</option>
            <option value="microservices">microservices</option>
            <option value="monolith">monolith</option>
          </select>
        </label>
      )}
      <div className="op-row">
        <button type="submit" className="op-button primary" data-control="inject-fault" disabled={busy} aria-busy={busy}>
          {busy ? "Injecting…" : "Inject fault"}
        </button>
      </div>
      <div aria-live="polite">
        {serverError && (
          <p className="op-error" role="alert" data-server-error>
            The sandbox refused: {serverError}
          </p>
        )}
        {done && <p className="op-ok">{done}</p>}
      </div>
    </form>
  );
}
