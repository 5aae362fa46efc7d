"use client";
// The timeline of a replay: the moment shown, a slider over the recorded span, steps of a second, and a mark per
// service going down or coming back, each a button that jumps to it.
import { useEffect, useState } from "react";
import { playedTo, type TimelineMark } from "../../lib/client/rewind";

/** The slider moves in steps this long: one arrow key, a tenth of a second. */
const STEP_MS = 100;
/** Playing redraws the moment this often. */
const FRAME_MS = 100;
const SPEEDS = [0.1, 0.25, 1, 4] as const;

const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour12: false }) + `.${String(at % 1000).padStart(3, "0")}`;

interface Props {
  from: number;
  to: number;
  at: number;
  marks: TimelineMark[];
  onMove(at: number): void;
  /** The moment of the next or previous event, or null at an end. */
  eventBeside(at: number, direction: "next" | "previous"): number | null;
}

export function RewindTimeline({ from, to, at, marks, onMove, eventBeside }: Props) {
  const clamp = (value: number) => Math.min(to, Math.max(from, value));
  const [speed, setSpeed] = useState<number>(0.25);
  const [playing, setPlaying] = useState(false);
  // Playing moves forward from where it started, at the chosen speed, and stops by itself at the end.
  useEffect(() => {
    if (!playing) return;
    const start = at;
    const began = performance.now();
    const timer = setInterval(() => {
      const next = playedTo(start, performance.now() - began, speed, to);
      onMove(next);
      if (next >= to) setPlaying(false);
    }, FRAME_MS);
    return () => clearInterval(timer);
  }, [playing, speed]); // eslint-disable-line react-hooks/exhaustive-deps
  const previous = eventBeside(at, "previous");
  const next = eventBeside(at, "next");
  const behind = ((to - at) / 1000).toFixed(1);
  return (
    <section className="op-section rewind-timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <p data-rewind-at={at}>
        Showing <strong>{clock(at)}</strong>, {behind} s before the end of the recording.
      </p>
      <input type="range" min={from} max={to} step={STEP_MS} value={at} onChange={(event) => onMove(clamp(Number(event.target.value)))} aria-label="moment shown" aria-valuetext={`${clock(at)}, ${behind} s before the end`} className="op-slider" />
      <div className="op-row">
        <button type="button" className="op-button" onClick={() => setPlaying(!playing)} disabled={!playing && at >= to} aria-pressed={playing}>
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
      </div>
      <div className="op-row">
        <button type="button" className="op-button" onClick={() => previous !== null && onMove(previous)} disabled={previous === null} aria-label="previous event">
          ◀ event
        </button>
        <button type="button" className="op-button" onClick={() => next !== null && onMove(next)} disabled={next === null} aria-label="next event">
          event ▶
        </button>
      </div>
      <div className="op-row">
        <button type="button" className="op-button" onClick={() => onMove(clamp(at - 1000))} disabled={at <= from}>
          − 1 s
        </button>
        <button type="button" className="op-button" onClick={() => onMove(clamp(at + 1000))} disabled={at >= to}>
          + 1 s
        </button>
        <button type="button" className="op-button" onClick={() => onMove(to)} disabled={at >= to}>
          End
        </button>
      </div>
      <h3>What happened</h3>
      {marks.length === 0 ? (
        <p className="muted small">Nothing went down, came back, was redeployed or got a fault in this span.</p>
      ) : (
        <ol className="rewind-marks" aria-label="marks on the timeline">
          {marks.map((mark) => (
            <li key={`${mark.at}-${mark.label}`} data-mark={mark.kind}>
              <button type="button" className="link" onClick={() => onMove(mark.at)} aria-current={mark.at === at ? "true" : undefined}>
                {clock(mark.at)} {mark.label}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
