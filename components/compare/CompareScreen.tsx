"use client";
// The Compare screen: both stacks under the same traffic, live charts, a table of measured figures and what they show.
import { useCallback, useEffect, useState } from "react";
import { useStore } from "zustand";
import type { Comparison } from "../../lib/contract/compare";
import type { TrafficView } from "../../lib/contract/control";
import { callControl } from "../../lib/client/sandbox-api";
import { addReading, emptySeries, type CompareSeries } from "../../lib/client/compare-series";
import { connectSandbox } from "../../lib/client/socket";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { usePolling } from "../../lib/client/use-polling";
import { TopBar } from "../screen/TopBar";
import { CompareCharts } from "./CompareCharts";
import { CompareControls } from "./CompareControls";
import { CompareReading } from "./CompareReading";
import { CompareTable } from "./CompareTable";
import { RunBothNotice } from "./RunBothNotice";
import { ActionError } from "../shared/ActionError";

/** One reading a second: the server's figures cover a 10 s window, so a faster poll would only repeat them. */
const POLL_MS = 1_000;

export function CompareScreen() {
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [traffic, setTraffic] = useState<TrafficView | null>(null);
  const [series, setSeries] = useState<CompareSeries>(emptySeries);
  const [error, setError] = useState<string | null>(null);
  const architecture = useStore(sandboxStore, (view) => view.sandbox?.architecture ?? null);

  useEffect(() => connectSandbox(sandboxStore), []);

  const poll = useCallback(async () => {
    const [compared, generated] = await Promise.all([callControl("compare"), callControl("traffic")]);
    if (compared.ok) {
      setComparison(compared.data);
      setSeries((current) => addReading(current, compared.data, Date.now()));
      setError(null);
    } else setError(compared.error);
    if (generated.ok) setTraffic(generated.data.traffic);
  }, []);
  usePolling(poll, POLL_MS, true);

  const bothRun = comparison ? comparison.stacks.every((stack) => stack.running) : architecture === "both";

  return (
    <div className="compare-screen">
      <TopBar />
      <main className="compare-main" aria-labelledby="compare-heading">
        <div className="compare-head">
          <div>
            <h2 id="compare-heading">Compare: monolith and microservices</h2>
            <p className="muted small">
              The same shop, the same traffic, read again every second. What shoppers got is measured where they are, at the storefront: a failed request counts as a failure, never as a
              fast answer. Processes, memory and CPU come from the operating system.
            </p>
          </div>
          <CompareControls traffic={traffic} bothRun={bothRun} onChange={() => void poll()} />
        </div>
        {!bothRun && comparison && <RunBothNotice stacks={comparison.stacks} />}
        <ActionError error={error} />
        <CompareCharts series={series} />
        <div className="compare-lower">
          <CompareTable comparison={comparison} />
          <CompareReading reading={comparison?.reading ?? null} />
        </div>
      </main>
    </div>
  );
}
