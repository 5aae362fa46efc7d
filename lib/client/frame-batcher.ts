// Collects the socket's event batches and hands them on once per animation frame, so a burst costs one render.
import type { NumberedEvent } from "../contract/events";

/** Events held between two frames at most; a tab in the background may not draw frames for a while. */
export const MAX_PENDING = 20_000;
/** When frames stop (a hidden tab), flush anyway after this long so the figures stay current. */
export const FALLBACK_FLUSH_MS = 250;

export interface FrameBatcher {
  push(batch: readonly NumberedEvent[]): void;
  /** Forgets what was waiting (a snapshot replaced it). */
  drop(): void;
}

export interface FrameScheduler {
  request(callback: () => void): () => void;
}

/** requestAnimationFrame, with a timer as a fallback for when the page is not being drawn. */
export const browserScheduler: FrameScheduler = {
  request(callback) {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      callback();
    };
    const frame = requestAnimationFrame(run);
    const timer = setTimeout(run, FALLBACK_FLUSH_MS);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  },
};

export function createFrameBatcher(flush: (events: NumberedEvent[], skipped: number) => void, scheduler: FrameScheduler = browserScheduler): FrameBatcher {
  let pending: NumberedEvent[] = [];
  let skipped = 0;
  let cancel: (() => void) | null = null;
  const run = () => {
    cancel = null;
    const events = pending;
    const lost = skipped;
    pending = [];
    skipped = 0;
    if (events.length > 0) flush(events, lost);
  };
  return {
    push(batch) {
      for (const event of batch) pending.push(event);
      if (pending.length > MAX_PENDING) {
        skipped += pending.length - MAX_PENDING;
        pending = pending.slice(pending.length - MAX_PENDING);
      }
      cancel ??= scheduler.request(run);
    },
    drop() {
      cancel?.();
      cancel = null;
      pending = [];
      skipped = 0;
    },
  };
}
