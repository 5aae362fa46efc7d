"use client";
// A step that asks the learner to look back: the moment the timeline shows (rewound, or paused in slow motion) is
// marked, and the server reads that moment in what it recorded. Once one is marked, "Show it" goes back to it.
import { useStore } from "zustand";
import { leaveLive, moveTo, setPlaying, timeStore } from "../../lib/client/stores/time-travel-store";
import { clock } from "../rewind/TimelineMarks";

export function MomentMark({ marked, onMark, disabled }: { marked: number | null; onMark: ((at: number) => void) | null; disabled: boolean }) {
  const mode = useStore(timeStore, (view) => view.mode);
  const at = useStore(timeStore, (view) => Math.round(view.at));
  const away = mode !== "live";
  const showIt = async (moment: number) => {
    await leaveLive();
    setPlaying(false);
    moveTo(moment);
  };
  return (
    <div className="lesson-moment" data-lesson-moment>
      <p>
        {away ? (
          <>
            The timeline shows <strong>{clock(at)}</strong>.
          </>
        ) : (
          "The timeline is live: press Rewind or Slow motion under the graph, then stop on the moment."
        )}
      </p>
      {onMark && (
        <button type="button" data-control="mark-moment" onClick={() => onMark(at)} disabled={!away || disabled}>
          This is the moment
        </button>
      )}
      {marked !== null && (
        <p role="status" data-marked-moment={marked}>
          Marked: {clock(marked)}.{" "}
          {(!away || Math.abs(at - marked) > 0) && (
            <button type="button" className="link" onClick={() => void showIt(marked)}>
              Show it
            </button>
          )}
        </p>
      )}
    </div>
  );
}
