"use client";
// Break it on purpose: one-click faults, a form for any fault, and the faults in force with Clear.
import { FaultForm } from "./FaultForm";
import { FaultList } from "./FaultList";
import { FaultPresets } from "./FaultPresets";

export function FaultsPanel() {
  return (
    <section className="op-section" aria-labelledby="faults-heading">
      <h2 id="faults-heading">Break it</h2>
      <p className="muted small">Inject a fault into a running service and watch what fails and what keeps working.</p>
      <FaultPresets />
      <FaultList />
      <FaultForm />
    </section>
  );
}
