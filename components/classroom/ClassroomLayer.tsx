"use client";
// The classroom on every screen (mounted once in the page frame, so it stays across screens): asks who this browser
// is, marks the page with its role (the audience's page hides every acting control), and shows the presenter's
// console or the viewer's follow button and poll, and the projector's corner. Outside classroom mode: nothing.
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { joinClassroom } from "../../lib/client/classroom-connection";
import { classroomStore } from "../../lib/client/stores/classroom-store";
import { FollowPresenter } from "./FollowPresenter";
import { PollCard } from "./PollCard";
import { PresenterConsole } from "./PresenterConsole";
import { PresenterSync } from "./PresenterSync";
import { ProjectorCorner } from "./ProjectorCorner";
import "./classroom.css";

const PROJECTOR_KEY = "architecture-sandbox:projector";

export function ClassroomLayer() {
  const enabled = useStore(classroomStore, (state) => state.enabled);
  const role = useStore(classroomStore, (state) => state.role);
  const letClassShop = useStore(classroomStore, (state) => state.class?.letClassShop ?? false);
  const projector = useStore(classroomStore, (state) => state.projector);
  const viewers = useStore(classroomStore, (state) => state.class?.viewers ?? null);
  const pathname = usePathname();
  // Closed at first: the console would cover part of the graph the presenter is about to show.
  const [consoleOpen, setConsoleOpen] = useState(false);

  useEffect(() => joinClassroom(), []);
  useEffect(() => {
    // ?projector=1 (or 0) is remembered for the tab, so moving between screens keeps it.
    const asked = new URLSearchParams(window.location.search).get("projector");
    if (asked !== null) sessionStorage.setItem(PROJECTOR_KEY, asked === "1" ? "1" : "0");
    classroomStore.setState((state) => ({ ...state, projector: sessionStorage.getItem(PROJECTOR_KEY) === "1" }), true);
  }, [pathname]);
  useEffect(() => {
    const root = document.documentElement;
    if (enabled && role) root.dataset.classroomRole = role;
    else delete root.dataset.classroomRole;
    if (letClassShop) root.dataset.classroomShop = "on";
    else delete root.dataset.classroomShop;
    if (enabled && projector) root.dataset.projector = "on";
    else delete root.dataset.projector;
  }, [enabled, role, letClassShop, projector]);

  if (!enabled || !role) return null;
  const toggleProjector = () => {
    sessionStorage.setItem(PROJECTOR_KEY, projector ? "0" : "1");
    classroomStore.setState((state) => ({ ...state, projector: !projector }), true);
  };
  return (
    <>
      {role === "presenter" ? <PresenterSync /> : null}
      {projector && <ProjectorCorner />}
      <div className="classroom-strip" role="region" aria-label="classroom">
        <span className="classroom-role">{role === "presenter" ? "You present" : "You watch"}</span>
        {role === "audience" ? <FollowPresenter /> : viewers && (
          <span className="classroom-viewers" data-viewers={viewers.connected} data-following={viewers.following}>
            {viewers.connected} watching · {viewers.following} following
          </span>
        )}
        {role === "presenter" && (
          <button type="button" className="op-button" aria-expanded={consoleOpen} onClick={() => setConsoleOpen(!consoleOpen)}>
            {consoleOpen ? "Hide the console" : "Presenter's console"}
          </button>
        )}
        <button type="button" className="op-button" aria-pressed={projector} onClick={toggleProjector}>
          Projector view
        </button>
      </div>
      {role === "audience" ? <PollCard /> : consoleOpen && !projector && <PresenterConsole />}
    </>
  );
}
