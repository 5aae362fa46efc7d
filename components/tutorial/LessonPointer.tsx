"use client";
// A ring around the thing the step asks the learner to act on, found again every few frames by its app id; until a
// button is on screen (its tab closed, its service not selected) the ring shows the way to it.
import { useEffect, useState } from "react";
import type { PointerTarget } from "../../lib/contract/lessons";
import { pointerName, pointerPlaces, type PointerPlace } from "../../lib/client/pointer-target";

/** Re-found this often: a node that is killed, scaled or dragged moves, and the ring follows. */
const FOLLOW_MS = 250;

interface Found {
  box: DOMRect;
  place: PointerPlace;
  /** The label goes under the ring when above it would cover the bar of screens or the lesson's title. */
  below: boolean;
}

/** The label's height above the ring (1.5rem) and the ring's margin around its target. */
const LABEL_ROOM = 30;

function labelBelow(box: DOMRect): boolean {
  const top = box.top - LABEL_ROOM;
  return [".topbar", "#lesson-title"].some((selector) => {
    const covered = document.querySelector(selector)?.getBoundingClientRect();
    return covered !== undefined && top < covered.bottom && box.top > covered.top && box.left < covered.right && box.right > covered.left;
  });
}

/** Whether the element lies (partly) outside the window or outside a scrolling box it sits in, such as the lesson's column. */
function outOfView(element: Element, box: DOMRect): boolean {
  if (box.bottom > window.innerHeight || box.top < 0) return true;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (parent.scrollHeight <= parent.clientHeight || !/(auto|scroll)/.test(getComputedStyle(parent).overflowY)) continue;
    const shown = parent.getBoundingClientRect();
    if (box.bottom > shown.bottom || box.top < shown.top) return true;
  }
  return false;
}

const same = (a: DOMRect, b: DOMRect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export function LessonPointer({ target }: { target: PointerTarget }) {
  const [found, setFound] = useState<Found | null>(null);
  useEffect(() => {
    let shown: Element | null = null;
    const find = () => {
      for (const place of pointerPlaces(target)) {
        const element = document.querySelector(place.selector);
        const box = element?.getBoundingClientRect();
        if (!element || !box || box.width === 0) continue;
        // A button that just appeared below the fold of its panel is brought into view once, not on every look.
        if (element !== shown) {
          shown = element;
          if (outOfView(element, box)) element.scrollIntoView({ block: "nearest" });
        }
        const settled = element.getBoundingClientRect();
        setFound((previous) => (previous && previous.place.selector === place.selector && same(previous.box, settled) ? previous : { box: settled, place, below: labelBelow(settled) }));
        return;
      }
      setFound(null);
    };
    find();
    const timer = setInterval(find, FOLLOW_MS);
    return () => clearInterval(timer);
  }, [target]);
  if (!found) return null;
  const { box, place, below } = found;
  return (
    <div className={`lesson-pointer${below ? " label-below" : ""}`} data-pointer={pointerName(target)} data-pointer-at={place.at} aria-hidden="true" style={{ left: box.x - 6, top: box.y - 6, width: box.width + 12, height: box.height + 12 }}>
      <span className="lesson-pointer-label">{place.label}</span>
    </div>
  );
}
