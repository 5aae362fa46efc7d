"use client";
// The sandbox screen: the live graph in the middle, the shopper on the left, the inspector on the right (only while
// something is selected, so the graph has the room to be drawn at a readable size), the timeline and events below.
import { useEffect } from "react";
import { useStore } from "zustand";
import { connectSandbox } from "../../lib/client/socket";
import { startMemory } from "../../lib/client/stores/memory-store";
import { startMetrics } from "../../lib/client/stores/metrics-store";
import { sandboxStore } from "../../lib/client/stores/sandbox-store";
import { restorePositions, select, uiStore } from "../../lib/client/stores/ui-store";
import { ConnectionLostNotice } from "./ConnectionIndicator";
import { EventStream } from "../stream/EventStream";
import { Inspector } from "../inspector/Inspector";
import { LeftPanel } from "../panels/LeftPanel";
import { SystemGraph } from "../graph/SystemGraph";
import { SkipLinks } from "./SkipLinks";
import { TopBar } from "./TopBar";
import { TimeBar } from "../rewind/TimeBar";
import { closeReplay } from "../../lib/client/stores/time-travel-store";
import { LessonPanel } from "../tutorial/LessonPanel";

/** `lesson`: a guided lesson's step, shown beside the same graph, stream and controls. */
export function SandboxScreen({ lesson }: { lesson?: { lessonId: string; stepId: string } } = {}) {
  useEffect(() => {
    restorePositions();
    const stopMetrics = startMetrics();
    const stopMemory = startMemory();
    const disconnect = connectSandbox(sandboxStore);
    return () => {
      closeReplay();
      disconnect();
      stopMemory();
      stopMetrics();
    };
  }, []);
  // A lesson opens on a clean graph: a box or an order's trace picked in the previous one stays behind with it.
  const lessonId = lesson?.lessonId;
  useEffect(() => {
    if (lessonId) uiStore.setState((view) => (view.selection ? select(view, null) : view), true);
  }, [lessonId]);
  const inspecting = useStore(uiStore, (view) => view.selection !== null);
  // The right column holds the inspector and a lesson's panel: it stays while either has something to show.
  const rightColumn = inspecting || lesson !== undefined;
  return (
    <div className={`screen${rightColumn ? "" : " inspector-closed"}${lesson ? " with-lesson" : ""}`}>
      <SkipLinks lesson={lesson !== undefined} />
      <TopBar />
      <aside className="left-panel">
        <LeftPanel />
      </aside>
      <main className="graph-area">
        <SystemGraph />
        <ConnectionLostNotice />
      </main>
      <aside className="right-panel">
        {lesson && <LessonPanel lessonId={lesson.lessonId} stepId={lesson.stepId} />}
        <Inspector />
      </aside>
      <TimeBar />
      <div className="bottom-panel">
        <EventStream />
      </div>
    </div>
  );
}
