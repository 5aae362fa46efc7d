// When a crashed service is started again under the on-failure policy: growing pauses, so a service that keeps
// crashing does not spin, and a clean slate once it has stayed up for a while.
/** First pause after a crash; each crash in a row doubles it. */
export const FIRST_RESTART_DELAY_MS = 500;
/** Pauses never grow past this. */
export const MAX_RESTART_DELAY_MS = 15_000;
/** Up this long without crashing, and the next crash counts as the first again. */
export const STABLE_AFTER_MS = 10_000;

/** The pause before restart number `crashesInARow` (1 for the first crash). */
export function restartDelayMs(crashesInARow: number): number {
  return Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** Math.max(0, crashesInARow - 1));
}

/** Crashes in a row after one more crash, given how long the instance had been up. */
export function nextCrashStreak(previousStreak: number, upForMs: number): number {
  return upForMs >= STABLE_AFTER_MS ? 1 : previousStreak + 1;
}
