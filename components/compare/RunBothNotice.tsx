"use client";
// When only one stack runs there is nothing to compare: say so, and start the other with one click.
import { useState } from "react";
import type { StackComparison } from "../../lib/contract/compare";
import { callControl } from "../../lib/client/sandbox-api";
import { ActionError } from "../shared/ActionError";

export function RunBothNotice({ stacks }: { stacks: StackComparison[] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = stacks.filter((stack) => stack.running).map((stack) => stack.stack);

  async function runBoth() {
    setBusy(true);
    setError(null);
    const result = await callControl("setArchitecture", { body: { architecture: "both" } });
    setBusy(false);
    if (!result.ok) setError(result.error);
  }

  return (
    <div className="run-both" role="status">
      <p>
        <strong>Only {running.length === 0 ? "no stack" : running.join(" and ")} is running.</strong> To compare, both stacks must run side by side, each with its own
        processes and data.
      </p>
      <button type="button" className="op-button primary" onClick={() => void runBoth()} disabled={busy} aria-busy={busy}>
        {busy ? "Starting both stacks…" : "Run both"}
      </button>
      <ActionError error={error} />
    </div>
  );
}
