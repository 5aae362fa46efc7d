// The classroom's secrets: the presenter's token (256 random bits) and the audience's short join code, and how a
// presented secret is compared without its timing telling how much of it was right.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** At least 128 bits are asked for; 32 bytes give 256, written URL-safe so the link needs no escaping. */
export function newPresenterToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A token given by the operator (SANDBOX_PRESENTER_TOKEN) must be as hard to guess as one we make. */
export function checkGivenToken(token: string): string | undefined {
  if (token.length < 22) return "SANDBOX_PRESENTER_TOKEN must be at least 22 characters (128 bits of base64url)";
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return "SANDBOX_PRESENTER_TOKEN may hold only letters, digits, _ and -";
  return undefined;
}

/** No 0/O, 1/I/L: a code read off a projector from the back of a room must not be misread. */
const CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += CODE_LETTERS[randomInt(CODE_LETTERS.length)];
  return code;
}

/** A join code as typed: case and spaces do not matter. */
export function normaliseJoinCode(code: string): string {
  return code.replace(/\s+/g, "").toUpperCase();
}

/** An id for one viewer's browser, so a vote counts once per viewer; also a presenter's session id. */
export function newViewerId(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * A pass the server signs: "<id>.<mac>", the MAC over what the pass stands for (`meaning`, e.g. the join code it was
 * made under). Only the server holds `key`, so a client can neither invent an id nor keep one past a rotation.
 */
export function signedPass(key: Buffer, id: string, meaning: string): string {
  return `${id}.${createHmac("sha256", key).update(`${meaning}\n${id}`).digest("base64url")}`;
}

/** The id a pass carries when its MAC is the server's for `meaning`; undefined for a forged or stale pass. */
export function passId(key: Buffer, pass: string | undefined, meaning: string): string | undefined {
  const dot = pass?.indexOf(".") ?? -1;
  if (!pass || dot < 1 || dot > 64) return undefined;
  const id = pass.slice(0, dot);
  return sameSecret(pass, signedPass(key, id, meaning)) ? id : undefined;
}

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Equal-length digests compared in constant time: neither length nor a matching prefix shows in the timing. */
export function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(digest(given), digest(secret));
}
