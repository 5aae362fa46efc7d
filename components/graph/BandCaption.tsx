"use client";
// A band's caption (the broker's, the event bus's), drawn in a layer above the arrows. The queue arrows cross the
// band's top on their way into the inboxes; drawn with the band, under them, the caption would be struck through.
// Above them it stays legible, and a click on it inspects the band as a click on the band does. It is drawn for the
// eye only: the band's box carries the same words for a screen reader, where they belong to the box.
import type { ReactNode } from "react";
import { ViewportPortal } from "@xyflow/react";
import { select, uiStore } from "../../lib/client/stores/ui-store";

export function BandCaption({ band, x, y, className, children }: { band: string; x: number; y: number; className: string; children: ReactNode }) {
  return (
    <ViewportPortal>
      <div
        className={`band-caption ${className}`}
        data-band-caption={band}
        aria-hidden="true"
        style={{ transform: `translate(${x}px, ${y}px)` }}
        onClick={() => uiStore.setState((view) => select(view, { kind: "node", id: band }), true)}
      >
        {children}
      </div>
    </ViewportPortal>
  );
}
