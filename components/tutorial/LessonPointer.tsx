"use client";
// A ring around the thing the step asks the learner to act on, found again every few frames by its app id.
import { useEffect, useState } from "react";
import type { PointerTarget } from "../../lib/contract/lessons";
import { pointerLabel, pointerSelector } from "../../lib/client/pointer-target";

/** Re-found this often: a node that is killed, scaled or dragged moves, and the ring follows. */
const FOLLOW_MS = 250;

export function LessonPointer({ target }: { target: PointerTarget }) {
  const [box, setBox] = useState<DOMRect | null>(null);
  useEffect(() => {
    const find = () => {
      const element = document.querySelector(pointerSelector(target));
      const rect = element?.getBoundingClientRect();
      setBox((previous) => (rect && rect.width > 0 ? (previous && previous.x === rect.x && previous.y === rect.y && previous.width === rect.width && previous.height === rect.height ? previous : rect) : null));
    };
    find();
    const timer = setInterval(find, FOLLOW_MS);
    return () => clearInterval(timer);
  }, [target]);
  if (!box) return null;
  return (
    <div className="lesson-pointer" data-pointer={`${target.kind}:${target.id}`} aria-hidden="true" style={{ left: box.x - 6, top: box.y - 6, width: box.width + 12, height: box.height + 12 }}>
      <span className="lesson-pointer-label">{pointerLabel(target)}</span>
    </div>
  );
}
