"use client";
// One call or queue message in flight: a dot that travels its arrow once, coloured (and shaped) by its outcome; inside
// the monolith a ring, since the call is a function call and the message never leaves the process.
import { memo, useLayoutEffect, useRef } from "react";
import { DOT_MS } from "../../lib/client/stores/dots-store";
import type { Outcome } from "../../lib/client/outcome";

function EdgeDotView({ path, outcome, inProcess = false }: { path: string; outcome: Outcome; inProcess?: boolean }) {
  const motion = useRef<SVGAnimateMotionElement>(null);
  // An animation added after the page loaded would count from the document's start and be over already:
  // start it by hand, before the first paint.
  useLayoutEffect(() => {
    motion.current?.beginElement();
  }, []);
  const failed = outcome === "failure";
  return (
    <g className={`dot dot-${outcome}${inProcess ? " dot-in-process" : ""}`}>
      {failed ? <rect x={-5} y={-5} width={10} height={10} transform="rotate(45)" /> : <circle r={outcome === "message" ? 5 : 4.5} />}
      <animateMotion ref={motion} begin="indefinite" dur={`${DOT_MS}ms`} fill="freeze" path={path} />
    </g>
  );
}

export const EdgeDot = memo(EdgeDotView);
