"use client";
// The presenter's page: whatever they look at (screen, lesson step, selection, graph viewport) goes to followers.
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { useStore } from "zustand";
import type { PresenterView } from "../../lib/contract/classroom";
import { publishView } from "../../lib/client/classroom-connection";
import { uiStore, type Selection } from "../../lib/client/stores/ui-store";
import { viewportStore } from "../../lib/client/stores/viewport-store";

/** The selection as sent: a trace's title is cut to what the contract takes. */
function wireSelection(selection: Selection): PresenterView["selection"] {
  if (selection?.kind === "trace") return { ...selection, title: selection.title.slice(0, 300) };
  return selection;
}

export function PresenterSync() {
  const route = usePathname();
  const selection = useStore(uiStore, (view) => view.selection);
  const viewport = useStore(viewportStore, (state) => state.current);
  useEffect(() => {
    publishView({ route, selection: wireSelection(selection), viewport });
  }, [route, selection, viewport]);
  return null;
}
