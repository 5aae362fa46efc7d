// The email the shop's form offers: one of this browser's own, kept, so learners sharing one sandbox never offer each
// other an address that is already registered, and a learner who comes back finds the one they registered with.
const KEY = "sandbox-shopper-email";

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function shopperEmail(storage: KeyValueStore, random: () => number = Math.random): string {
  const kept = storage.getItem(KEY);
  if (kept) return kept;
  const email = `shopper-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, "0")}@example.com`;
  storage.setItem(KEY, email);
  return email;
}
