"use client";
// Ready-made scenarios: one click breaks the shop in a known way for a stated time, shows its key figure while it runs
// and a summary of what it measured after; it puts things back by itself (or at once with Stop).
import { useCallback, useState } from "react";
import type { ScenariosView } from "../../lib/contract/scenarios";
import { callControl, type ApiResult } from "../../lib/client/sandbox-api";
import { focusAfterRender } from "../../lib/client/focus";
import { usePolling } from "../../lib/client/use-polling";
import { ResetSandboxButton } from "../screen/ResetSandboxButton";
import { ScenarioCard } from "./ScenarioCard";
import { ScenarioProgress } from "./ScenarioProgress";
import { ScenarioSummary } from "./ScenarioSummary";
import { ActionError } from "../shared/ActionError";

/** While a scenario plays its steps come every few seconds; otherwise a slow look catches one started elsewhere. */
const PLAYING_POLL_MS = 1_000;
const IDLE_POLL_MS = 5_000;

export function ScenariosPanel({ active }: { active: boolean }) {
  const [view, setView] = useState<ScenariosView | null>(null);
  const [busy, setBusy] = useState<{ id: string; what: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await callControl("scenarios");
    if (result.ok) setView(result.data);
  }, []);
  usePolling(refresh, view?.active || busy ? PLAYING_POLL_MS : IDLE_POLL_MS, active);

  async function act(id: string, what: string, ask: () => Promise<ApiResult<ScenariosView>>) {
    setBusy({ id, what });
    setError(null);
    // The button pressed is disabled until the sandbox answers: focus waits on the line that says what is under way.
    focusAfterRender([".op-progress"]);
    const result = await ask();
    if (result.ok) setView(result.data);
    else setError(result.error);
    setBusy(null);
    // The button pressed was disabled while the sandbox acted: focus goes to what comes next (Stop, or the refusal).
    focusAfterRender(['[data-active-scenario] button:not(:disabled)', ".op-error", "#scenarios-heading"]);
  }

  const playing = view?.active ? view.scenarios.find((scenario) => scenario.id === view.active!.id) : undefined;

  return (
    <section className="op-section" aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading">Scenarios</h2>
      <p className="muted small">Each one sets up a failure in the running shop, step by step. Start one, then watch the graph.</p>
      {busy && (
        <p className="op-progress" role="status">
          ◌ {busy.what}…
        </p>
      )}
      <ActionError error={error} />
      {view?.active && (
        <ScenarioProgress
          title={playing?.title ?? view.active.id}
          watch={playing?.watch ?? ""}
          startedAt={view.active.startedAt}
          endsAt={view.active.endsAt}
          figure={view.active.figure}
          steps={view.active.steps}
          stopping={busy?.id === "stop"}
          onStop={() => void act("stop", "Stopping the scenario and putting things back", () => callControl("stopScenario"))}
        />
      )}
      {!view?.active && view?.last && <ScenarioSummary summary={view.last} />}
      {!view && <p className="muted small">Loading the scenarios…</p>}
      <ul className="scenario-list">
        {view?.scenarios.map((scenario) => (
          <ScenarioCard
            key={scenario.id}
            scenario={scenario}
            playing={view.active?.id === scenario.id}
            disabled={busy !== null}
            starting={busy?.id === scenario.id}
            onStart={() => void act(scenario.id, `Starting “${scenario.title}”`, () => callControl("startScenario", { params: { id: scenario.id } }))}
          />
        ))}
      </ul>
      <ResetSandboxButton onReset={() => void refresh()} />
    </section>
  );
}
