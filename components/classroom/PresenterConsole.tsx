"use client";
// The presenter's console: who is watching and following, the audience link (and a new one, which drops every
// viewer), the poll, whether the class may shop, and the projector view.
import { useState } from "react";
import { useStore } from "zustand";
import { classroomActions } from "../../lib/client/classroom-connection";
import { classroomStore } from "../../lib/client/stores/classroom-store";
import { PollControls } from "./PollControls";

export function PresenterConsole() {
  const shared = useStore(classroomStore, (state) => state.class);
  const audienceUrl = useStore(classroomStore, (state) => state.audienceUrl);
  const [error, setError] = useState<string | null>(null);
  if (!shared) return null;
  return (
    <section className="classroom-card presenter-console" aria-labelledby="console-title">
      <h2 id="console-title">Presenter&apos;s console</h2>
      <p data-viewers={shared.viewers.connected} data-following={shared.viewers.following}>
        <strong>{shared.viewers.connected}</strong> {shared.viewers.connected === 1 ? "viewer" : "viewers"} connected, <strong>{shared.viewers.following}</strong> following you
      </p>
      <p className="small">
        Audience link: <code data-audience-url>{audienceUrl}</code> (join code <strong data-join-code>{shared.joinCode}</strong>)
      </p>
      <div className="op-row">
        <button type="button" className="op-button" onClick={() => void classroomActions.rotate().then(setError)}>New audience link (drops every viewer)</button>
      </div>
      <label className="check">
        <input type="checkbox" role="switch" checked={shared.letClassShop} aria-checked={shared.letClassShop} onChange={(event) => void classroomActions.letClassShop(event.target.checked).then(setError)} /> Let the class shop
        (students place orders in the shared shop)
      </label>
      {error && <p className="bad-text" role="alert">{error}</p>}
      <PollControls />
    </section>
  );
}
