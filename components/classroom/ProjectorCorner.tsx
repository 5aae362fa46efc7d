"use client";
// The projector's corner: the join code, the audience link as a QR code big enough to scan from the back, and how
// many are watching.
import { useStore } from "zustand";
import { controlPath } from "../../lib/contract/control-api";
import { classroomStore } from "../../lib/client/stores/classroom-store";

export function ProjectorCorner() {
  const shared = useStore(classroomStore, (state) => state.class);
  const audienceUrl = useStore(classroomStore, (state) => state.audienceUrl);
  if (!shared) return null;
  return (
    <aside className="projector-corner" aria-label="join this class">
      {/* The code in the address makes a new picture when the link is rotated. */}
      <img src={controlPath("classroomQr", { query: { code: shared.joinCode } })} alt={`QR code of the audience link ${audienceUrl ?? ""}`} width={240} height={240} />
      <p className="projector-code">
        Join code <strong data-join-code>{shared.joinCode}</strong>
      </p>
      <p className="projector-url">{audienceUrl}</p>
      <p data-viewers={shared.viewers.connected}>
        {shared.viewers.connected} {shared.viewers.connected === 1 ? "viewer" : "viewers"}
      </p>
    </aside>
  );
}
