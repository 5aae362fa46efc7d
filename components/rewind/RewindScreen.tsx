"use client";
// Rewind: the sandbox's recent past (or a saved run's file) on a timeline; drag back to any moment and the graph and
// the stream show it as it was. A replay: nothing on this screen acts on the sandbox, and it needs no process running.
import Link from "next/link";
import { useEffect, useMemo, useState, type ChangeEvent } from "react";
import type { Recording } from "../../lib/contract/recording";
import { eventBeside, marks, reach, readSavedRun, RecordingRefused, viewAt } from "../../lib/client/rewind";
import { initialView, sandboxStore } from "../../lib/client/store";
import { EventStream } from "../stream/EventStream";
import { SystemGraph } from "../graph/SystemGraph";
import { RewindTimeline } from "./RewindTimeline";
import "./rewind.css";

/** How far back the server's recording is asked for: all it keeps (10 minutes). */
const RECORDED_SECONDS = 600;

interface Replay {
  recording: Recording;
  /** Where it came from, in words, shown so a replay is never taken for the live sandbox. */
  source: string;
  fromFile: boolean;
}

export function RewindScreen() {
  const [replay, setReplay] = useState<Replay | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const [message, setMessage] = useState("reading the recorded past…");

  const open = (recording: Recording, source: string, fromFile: boolean) => {
    const span = reach(recording);
    if (!span) return setMessage(`${source} holds no snapshot of the sandbox: nothing to rebuild.`);
    setReplay({ recording, source, fromFile });
    setAt(span.to);
    setMessage("");
  };

  useEffect(() => {
    void (async () => {
      try {
        const answer = await fetch(`/api/recording?seconds=${RECORDED_SECONDS}`);
        if (!answer.ok) throw new RecordingRefused(`the sandbox did not give its recording (${answer.status})`);
        open(await readSavedRun(await answer.blob()), "the last minutes of this sandbox", false);
      } catch (error) {
        setMessage(error instanceof RecordingRefused ? error.message : "the sandbox cannot be reached: open a saved run instead.");
      }
    })();
    // Leaving the screen, the page's store forgets the past: the live screen starts again from the server's snapshot.
    return () => sandboxStore.setState(initialView, true);
  }, []);

  useEffect(() => {
    if (!replay || at === null) return;
    const view = viewAt(replay.recording, at);
    if (view) sandboxStore.setState(view, true);
  }, [replay, at]);

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      open(await readSavedRun(file), `the saved run ${file.name}`, true);
    } catch (error) {
      setMessage(`${file.name}: ${error instanceof RecordingRefused ? error.message : "it could not be read"}. Nothing changed.`);
    }
  };

  const span = replay ? reach(replay.recording) : null;
  // Read once per run, not on every frame while it plays.
  const timelineMarks = useMemo(() => (replay ? marks(replay.recording) : []), [replay]);
  return (
    <div className="screen inspector-closed rewind-screen" data-replay={replay ? (replay.fromFile ? "file" : "server") : "none"}>
      <header className="topbar">
        <h1>Rewind</h1>
        <p className="tagline" data-replay-source>
          {replay ? `A replay of ${replay.source}: nothing here acts on the sandbox.` : "A replay: nothing here acts on the sandbox."}
        </p>
        <nav aria-label="screens">
          <Link href="/">Back to the live sandbox</Link>
        </nav>
      </header>
      <aside className="left-panel">
        {replay && span && at !== null && <RewindTimeline from={span.from} to={span.to} at={at} marks={timelineMarks} onMove={setAt} eventBeside={(moment, direction) => eventBeside(replay.recording, moment, direction)} />}
        <section className="op-section" aria-labelledby="saved-run-heading">
          <h2 id="saved-run-heading">Saved runs</h2>
          <p className="muted small">A run is the recorded past as one file: keep it, and open it later, even where the sandbox cannot run.</p>
          <p>
            <a href={`/api/recording?seconds=${RECORDED_SECONDS}`} download>
              Save the last 10 minutes
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
      <div className="bottom-panel">
        <EventStream />
      </div>
    </div>
  );
}
