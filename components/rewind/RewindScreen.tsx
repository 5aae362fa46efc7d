"use client";
// Rewind: the sandbox's recent past (or a saved run's file) on a timeline; drag back to any moment and the graph and
// the stream show it as it was. A replay: nothing on this screen acts on the sandbox, and it needs no process running.
import Link from "next/link";
import { useEffect, useMemo, useState, type ChangeEvent } from "react";
import { useStore } from "zustand";
import { controlPath } from "../../lib/contract/control-api";
import type { Recording } from "../../lib/contract/recording";
import { reach, readSavedRun, RecordingRefused } from "../../lib/client/rewind";
import { initialView, sandboxStore } from "../../lib/client/stores/sandbox-store";
import { closeReplay, moveTo, openReplay, RECORDED_SECONDS, timeStore } from "../../lib/client/stores/time-travel-store";
import { marks } from "../../lib/client/timeline-marks";
import { EventStream } from "../stream/EventStream";
import { SystemGraph } from "../graph/SystemGraph";
import { TimeBar } from "./TimeBar";
import { clock } from "./TimelineMarks";
import "./rewind.css";

export function RewindScreen() {
  const [source, setSource] = useState<{ words: string; fromFile: boolean } | null>(null);
  const [message, setMessage] = useState("reading the recorded past…");
  const recording = useStore(timeStore, (view) => view.recording);
  const at = useStore(timeStore, (view) => view.at);

  const open = (run: Recording, words: string, fromFile: boolean) => {
    if (!reach(run)) return setMessage(`${words} holds no snapshot of the sandbox: nothing to rebuild.`);
    openReplay(run);
    setSource({ words, fromFile });
    setMessage("");
  };

  useEffect(() => {
    void (async () => {
      try {
        const answer = await fetch(controlPath("recording", { query: { seconds: RECORDED_SECONDS } }));
        if (!answer.ok) throw new RecordingRefused(`the sandbox did not give its recording (${answer.status})`);
        open(await readSavedRun(await answer.blob()), "the last minutes of this sandbox", false);
      } catch (error) {
        setMessage(error instanceof RecordingRefused ? error.message : "the sandbox cannot be reached: open a saved run instead.");
      }
    })();
    // Leaving the screen, the page forgets the past: the live screen starts again from the server's snapshot.
    return () => {
      closeReplay();
      sandboxStore.setState(initialView, true);
    };
  }, []);

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      open(await readSavedRun(file), `the saved run ${file.name}`, true);
    } catch (error) {
      setMessage(`${file.name}: ${error instanceof RecordingRefused ? error.message : "it could not be read"}. Nothing changed.`);
    }
  };

  // Read once per run, not on every frame while it plays.
  const happened = useMemo(() => (recording ? marks(recording) : []), [recording]);
  return (
    <div className="screen inspector-closed rewind-screen" data-replay={source ? (source.fromFile ? "file" : "server") : "none"}>
      <header className="topbar">
        <h1>Rewind</h1>
        <p className="tagline" data-replay-source>
          {source ? `A replay of ${source.words}: nothing here acts on the sandbox.` : "A replay: nothing here acts on the sandbox."}
        </p>
        <nav aria-label="screens">
          <Link href="/">Back to the live sandbox</Link>
        </nav>
      </header>
      <aside className="left-panel">
        <section className="op-section" aria-labelledby="happened-heading">
          <h2 id="happened-heading">What happened</h2>
          {happened.length === 0 ? (
            <p className="muted small">Nothing went down, came back, was redeployed, got a fault or ran a scenario in this span.</p>
          ) : (
            <ol className="rewind-marks" aria-label="what happened">
              {happened.map((mark, index) => (
                <li key={`${mark.at}-${index}`} data-mark={mark.kind}>
                  <button type="button" className="link" onClick={() => moveTo(mark.at)} aria-current={mark.at === at ? "true" : undefined}>
                    {clock(mark.at)} {mark.label}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="op-section" aria-labelledby="saved-run-heading">
          <h2 id="saved-run-heading">Saved runs</h2>
          <p className="muted small">A run is the recorded past as one file: keep it, and open it later, even where the sandbox cannot run.</p>
          <p>
            <a href={controlPath("recording", { query: { seconds: RECORDED_SECONDS } })} download>
              Save the last 10 minutes
            </a>{" "}
            ·{" "}
            <a href={controlPath("recordingOtlp", { query: { seconds: RECORDED_SECONDS } })} download="sandbox-traces.otlp.json">
              its traces as OTLP JSON
            </a>
          </p>
          <label>
            Open a saved run <input type="file" accept=".gz,application/gzip" onChange={(event) => void openFile(event)} />
          </label>
        </section>
        <p role="status" data-rewind-message>
          {message}
        </p>
      </aside>
      <main className="graph-area">
        <SystemGraph />
      </main>
      {recording && <TimeBar />}
      <div className="bottom-panel">
        <EventStream />
      </div>
    </div>
  );
}
