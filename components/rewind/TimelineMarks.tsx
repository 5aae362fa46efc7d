"use client";
// The marks under the timeline's slider, each a button at its moment: a service down or back, a deploy, a fault, a
// scenario's step. A fault's mark also selects, in the stream, the requests that failed because of it.
import { useStore } from "zustand";
import { moveTo, timeStore } from "../../lib/client/stores/time-travel-store";
import { brokenBy, type TimelineMark } from "../../lib/client/timeline-marks";
import { setFilter, uiStore } from "../../lib/client/stores/ui-store";

/** A moment as the timeline writes it: the time of day to the millisecond. */
export const clock = (at: number) => new Date(at).toLocaleTimeString("en-GB", { hour12: false }) + `.${String(Math.floor(at % 1000)).padStart(3, "0")}`;

interface Props {
  marks: TimelineMark[];
  from: number;
  to: number;
  at: number;
}

/** Goes to a mark; a fault's shows the moment of its last broken request, with the stream showing only those. */
export function follow(mark: TimelineMark): void {
  if (!mark.fault) {
    uiStore.setState((view) => (view.filter.only ? setFilter(view, { only: null }) : view), true);
    return moveTo(mark.at);
  }
  const recording = timeStore.getState().recording;
  const broken = recording ? brokenBy(recording.events, mark.fault) : [];
  const last = recording?.events.find((event) => event.seq === broken.at(-1));
  moveTo(last ? last.ts : mark.at);
  const label = broken.length === 0 ? `No request failed while the ${mark.label.replace(/ added$/, "")} was in force.` : `Showing the ${broken.length} failed requests the ${mark.label.replace(/ added$/, "")} broke.`;
  uiStore.setState((view) => setFilter(view, { only: { label, seqs: new Set(broken) } }), true);
}

export function TimelineMarks({ marks, from, to, at }: Props) {
  const width = Math.max(1, to - from);
  return (
    <ol className="time-marks" aria-label="marks on the timeline">
      {marks.map((mark, index) => (
        <li key={`${mark.at}-${index}`} data-mark={mark.kind} style={{ left: `${((mark.at - from) / width) * 100}%` }}>
          <button type="button" onClick={() => follow(mark)} aria-current={Math.abs(mark.at - at) < 1 ? "true" : undefined} title={`${clock(mark.at)} ${mark.label}`} aria-label={`${clock(mark.at)} ${mark.label}`} />
        </li>
      ))}
    </ol>
  );
}
