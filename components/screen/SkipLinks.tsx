"use client";
// The first stops of the Tab key: straight to the graph's first box, and in a lesson to the step being done, instead of
// through every control of the shop and the bars before them.
import type { MouseEvent } from "react";
import { focusElement } from "../../lib/client/focus";

/** The first of `selectors`, in order of preference, found on the page. */
function skipTo(...selectors: string[]) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const target = selectors.map((selector) => document.querySelector<HTMLElement>(selector)).find((element) => element !== null);
    if (!target) return;
    event.preventDefault();
    focusElement(target);
    target.scrollIntoView({ block: "nearest" });
  };
}

export function SkipLinks({ lesson }: { lesson: boolean }) {
  return (
    <nav className="skip-links" aria-label="skip links">
      <a href="#graph" onClick={skipTo(".graph .react-flow__node[tabindex]")}>Skip to the graph</a>
      {lesson && <a href="#lesson-step" onClick={skipTo(".lesson-panel .lesson-step h3", "#lesson-title")}>Skip to the lesson&apos;s step</a>}
    </nav>
  );
}
