"use client";
// The latest log lines and status changes of one service, newest last, kept scrolled to the bottom.
import { useLayoutEffect, useRef } from "react";
import { useStore } from "zustand";
import { logsStore } from "../../lib/client/stores/service-logs-store";

export function ServiceLogLines({ id }: { id: string }) {
  const lines = useStore(logsStore, (logs) => logs[id]);
  const list = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [lines]);
  if (!lines || lines.length === 0) return <p className="muted">No log lines yet.</p>;
  return (
    <ol className="log-lines" ref={list} tabIndex={0} aria-label={`latest log lines of ${id}`}>
      {lines.map((line) => (
        <li key={line.seq} className={`log-${line.level}`}>
          <time dateTime={new Date(line.ts).toISOString()}>{new Date(line.ts).toLocaleTimeString([], { hour12: false })}</time> {line.text}
        </li>
      ))}
    </ol>
  );
}
