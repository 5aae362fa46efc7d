// For the browser benchmark only: how long after a call ended its row was on screen. Off unless the benchmark
// sets window.__sandboxMeasure before the page loads, so normal use pays nothing.
declare global {
  interface Window {
    __sandboxMeasure?: boolean;
    /** Milliseconds from an event's end (its ts) to the frame after its row was drawn, newest last. */
    __sandboxRenderLatency?: number[];
  }
}

/** Samples kept: enough for a percentile over a benchmark run. */
const MAX_SAMPLES = 20_000;

export const measuringRenderLatency = (): boolean => typeof window !== "undefined" && window.__sandboxMeasure === true;

/** Records, at the next frame (when the rows just committed are painted), how old these events are. */
export function stampRendered(eventTimes: readonly number[]): void {
  if (!measuringRenderLatency() || eventTimes.length === 0) return;
  requestAnimationFrame(() => {
    const now = Date.now();
    const samples = (window.__sandboxRenderLatency ??= []);
    for (const ts of eventTimes) samples.push(now - ts);
    if (samples.length > MAX_SAMPLES) samples.splice(0, samples.length - MAX_SAMPLES);
  });
}
