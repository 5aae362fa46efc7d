// Checks a body against its contract schema; a mismatch becomes a 400 that says what is wrong.
import type { z } from "zod";
import { HttpError } from "./errors";

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw new HttpError(400, `${where}${issue.message}`);
}
