"use client";
// The timeline under the graph: live, or a past moment of the recording with its marks, played at a chosen speed or
// stepped one event at a time, or the present in slow motion a few seconds behind; "Live" comes back.
import { useEffect, useMemo, useRef } from "react";
import { useStore } from "zustand";
import { controlPath } from "../../lib/contract/control-api";
import { eventBeside, reach, stateChanges } from "../../lib/client/rewind";
import { goLive, leaveLive, moveTo, RECORDED_SECONDS, setPlaying, setSpeed, SLOW_LAG_MS, SPEEDS, timeStore } from "../../lib/client/stores/time-travel-store";
import { marks } from "../../lib/client/timeline-marks";
import { clock, follow, TimelineMarks } from "./TimelineMarks";
import "./rewind.css";

/** The slider moves in steps this long: one arrow key, a tenth of a second. */
const STEP_MS = 100;

const seconds = (ms: number) => `${(Math.max(0, ms) / 1000).toFixed(1)} s`;

/** On the Sandbox screen "Live" returns to the present; a saved run's replay (replayOnly) has an end instead. */
export function TimeBar() {
  const { mode, recording, grown, at, playing, speed, replayOnly, message, clockOffset } = useStore(timeStore);
  // Marks are read again when the recording grows, at most once a second of its end.
  const span = recording ? reach(recording) : null;
  const endSecond = span ? Math.floor(span.to / 1000) : 0;
  const found = useMemo(() => (recording ? marks(recording) : []), [recording, endSecond]); // eslint-disable-line react-hooks/exhaustive-deps
  const changes = useMemo(() => (recording ? stateChanges(recording) : []), [recording, endSecond]); // eslint-disable-line react-hooks/exhaustive-deps
  void grown;
  // The button pressed goes away with the mode it belonged to: focus goes to the slider, or back to Rewind.
  const slider = useRef<HTMLInputElement>(null);
  const rewind = useRef<HTMLButtonElement>(null);
  const shownMode = useRef(mode);
  useEffect(() => {
    if (shownMode.current === mode) return;
    shownMode.current = mode;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost) (mode === "live" ? rewind : slider).current?.focus();
  }, [mode, recording]);

  if (mode === "live" || !recording || !span) {
    return (
      <section className="time-bar live" aria-label="timeline" data-time-mode="live">
        <span className="time-live">● Live</span>
        <button type="button" className="op-button" onClick={() => void leaveLive()} ref={rewind} data-control="rewind">
          ⟲ Rewind
        </button>
        <button type="button" className="op-button" onClick={() => void leaveLive(true)} data-control="slow-motion">
          Slow motion
        </button>
        <span className="muted" role="status">
          {message || `Rewind shows the last 10 minutes again; slow motion replays the present ${SLOW_LAG_MS / 1000} s behind, slowed down.`}
        </span>
      </section>
    );
  }

  const now = Date.now() + clockOffset;
  const behind = replayOnly ? span.to - at : now - at;
  const lastMark = found.filter((mark) => mark.at <= at).at(-1);
  // Marks a moment apart overlap on the track: these reach each in turn, whatever covers it.
  const markBefore = found.filter((mark) => mark.at < at).at(-1);
  const markAfter = found.find((mark) => mark.at > at);
  const previous = eventBeside(recording, at, "previous", changes);
  const next = eventBeside(recording, at, "next", changes);
  return (
    <section className="time-bar" aria-label="timeline" data-time-mode={mode}>
      <div className="time-row">
        <p className="time-moment" data-rewind-at={at} data-lag-ms={Math.round(behind)}>
          {mode === "slow" ? "Slow motion: " : replayOnly ? "Replay: " : "Rewound: "}
          <strong>{clock(at)}</strong>, {seconds(behind)} {replayOnly ? "before the end of the run" : "behind live"}
        </p>
        <button type="button" className="op-button" onClick={() => setPlaying(!playing)} disabled={!playing && at >= span.to} aria-pressed={playing}>
          {playing ? "Pause" : "Play"}
        </button>
        <label>
          speed{" "}
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="op-button" onClick={() => previous !== null && moveTo(previous)} disabled={previous === null} aria-label="previous event" title="previous event">
          ◀ event
        </button>
        <button type="button" className="op-button" onClick={() => next !== null && moveTo(next)} disabled={next === null} aria-label="next event" title="next event">
          event ▶
        </button>
        {!replayOnly && (
          <a className="time-save" href={controlPath("recording", { query: { seconds: RECORDED_SECONDS } })} download title="the last 10 minutes as one file, to open later on the Rewind screen, even where the sandbox cannot run">
            Save this run
          </a>
        )}
        {!replayOnly && (
          <a className="time-save-from" href={controlPath("recording", { query: { seconds: Math.max(1, Math.ceil(behind / 1000)) } })} download title="from the moment shown to now, as one file">
            from here
          </a>
        )}
        {replayOnly ? (
          <button type="button" className="op-button end-button" onClick={() => moveTo(span.to)} disabled={at >= span.to}>
            End
          </button>
        ) : (
          <button type="button" className="op-button live-button" onClick={goLive}>
            ● Live
          </button>
        )}
      </div>
      <div className="time-track">
        <input
          type="range"
          min={span.from}
          max={span.to}
          step={STEP_MS}
          value={at}
          onChange={(event) => moveTo(Number(event.target.value))}
          aria-label="moment shown"
          aria-valuetext={`${clock(at)}, ${seconds(behind)} ${replayOnly ? "before the end" : "behind live"}`}
          className="time-slider"
          ref={slider}
        />
        <TimelineMarks marks={found} from={span.from} to={span.to} at={at} />
      </div>
      <p className="time-last-mark" data-last-mark={lastMark?.kind ?? "none"}>
        <button type="button" className="link" onClick={() => markBefore && follow(markBefore)} disabled={!markBefore} aria-label="previous mark">
          ◀ mark
        </button>{" "}
        <button type="button" className="link" onClick={() => markAfter && follow(markAfter)} disabled={!markAfter} aria-label="next mark">
          mark ▶
        </button>{" "}
        {!replayOnly && <strong className="time-present">Buttons act on the present, not on this moment. </strong>}
        {lastMark ? (
          <>
            Last mark: {clock(lastMark.at)} {lastMark.label}
          </>
        ) : (
          "No mark before this moment (marks: down or back, deploy, fault, scenario step)."
        )}
      </p>
    </section>
  );
}
