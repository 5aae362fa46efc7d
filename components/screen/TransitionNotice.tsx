"use client";
// What the sandbox is busy with (a reset, an architecture switch), when it is.
import { useStore } from "zustand";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";

export function TransitionNotice() {
  const transition = useStore(sandboxStore, (view) => view.sandbox?.transition ?? null);
  if (!transition) return null;
  return (
    <p className="transition" role="status" aria-busy="true">
      ◌ {transition}
    </p>
  );
}
