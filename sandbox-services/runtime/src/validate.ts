// Checks a body against its contract check (lib/contract/body-checks.ts, zod's answers without loading zod); a mismatch
// becomes a 400 that says what is wrong.
import type { Checked } from "../../../lib/contract/body-checks";
import { HttpError } from "./errors";

export function parseBody<T>(check: (input: unknown) => Checked<T>, body: unknown): T {
  const result = check(body);
  if (result.ok) return result.value;
  const where = result.issue.path.length > 0 ? `${result.issue.path.join(".")}: ` : "";
  throw new HttpError(400, `${where}${result.issue.message}`);
}
