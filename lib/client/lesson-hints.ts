// When a lesson step's help appears by itself: the first hint after this long without a check ticking.
export const HINT_AFTER_MS = 20_000;
