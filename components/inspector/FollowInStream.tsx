"use client";
// "Follow in the stream": sets the event stream's filter to the service (or the monolith, or one of its modules) being
// inspected, and back to everything when pressed again.
import { useStore } from "zustand";
import type { StackId } from "../../lib/contract/events";
import { MONOLITH_ID } from "../../lib/contract/services";
import { setFilter, uiStore } from "../../lib/client/stores/ui-store";

export function FollowInStream({ id, stack, module }: { id: string; stack: StackId | undefined; module?: string }) {
  // The monolith's events name its modules, not "monolith": following the whole process means following its stack.
  const service = module ?? (id === MONOLITH_ID ? null : id);
  const following = useStore(uiStore, (view) => view.filter.service === service && view.filter.stack === (stack ?? null));
  return (
    <button
      type="button"
      className="follow-button"
      aria-pressed={following}
      data-follow={module ?? id}
      onClick={() => uiStore.setState((view) => setFilter(view, following ? { service: null, stack: null } : { service, stack: stack ?? null }), true)}
    >
      {/* The label stays the same; aria-pressed (and the dot) say whether it is on. */}
      {following ? "◉" : "○"} Follow in the stream
    </button>
  );
}
