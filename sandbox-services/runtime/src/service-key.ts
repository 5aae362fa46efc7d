// The stack's own key on calls between its services: the supervisor hands every process of a stack the same per-run
// secret, the HTTP client sends it, the HTTP server refuses a service call without it, so a program that finds a
// service's port cannot act as a service.
import { timingSafeEqual } from "node:crypto";

/** The header that carries the key; named for what it is, so a reader of the stream sees why a call was refused. */
export const SERVICE_KEY_HEADER = "x-sandbox-service-key";

/** A check of the header against the stack's key, compared in constant time; the key's bytes are made once. */
export function serviceKeyCheck(secret: string): (header: string | string[] | undefined) => boolean {
  const expected = Buffer.from(secret, "utf8");
  return (header) => {
    if (typeof header !== "string" || header.length !== secret.length) return false;
    const given = Buffer.from(header, "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
}
