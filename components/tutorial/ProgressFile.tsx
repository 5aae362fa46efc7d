"use client";
// Progress as a file: export it to keep or move it, import one back (checked against the contract; a bad file changes nothing).
import { useState, type ChangeEvent } from "react";
import type { Progress } from "../../lib/contract/lessons";
import { parseProgress, saveProgress } from "../../lib/client/lesson-progress";

export function ProgressFile({ progress, onImport }: { progress: Progress; onImport(progress: Progress): void }) {
  const [message, setMessage] = useState("");
  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(progress, null, 2)], { type: "application/json" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: "sandbox-lesson-progress.json" });
    link.click();
    URL.revokeObjectURL(url);
  };
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const parsed = parseProgress(await file.text());
    if (!parsed) return setMessage(`${file.name} is not a lesson progress file: nothing changed.`);
    saveProgress(parsed);
    onImport(parsed);
    setMessage(`Progress imported from ${file.name}.`);
  };
  return (
    <>
      <button type="button" onClick={exportFile}>Export progress</button>
      <label>
        Import progress <input type="file" accept="application/json,.json" onChange={(event) => void importFile(event)} />
      </label>
      <span role="status">{message}</span>
    </>
  );
}
