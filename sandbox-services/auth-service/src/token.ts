// Signed session tokens: the user id and an expiry, signed with HMAC-SHA256 so nobody can forge one.
import { createHmac, timingSafeEqual } from "node:crypto";

const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;

export function signToken(userId: string, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ sub: userId, exp: now + TOKEN_LIFETIME_MS })).toString("base64url");
  const signature = createHmac("sha256", secret).update(payload).digest("base64url");
  return `${payload}.${signature}`;
}

/** The user id the token was signed for, or undefined when it is forged, malformed or expired. */
export function verifyToken(token: string, secret: string, now = Date.now()): string | undefined {
  const parts = token.split(".");
  if (parts.length !== 2) return undefined;
  const [payload, signature] = parts;
  if (!payload || !signature) return undefined;
  // The signature is compared as the exact text we would write: decoding first would let a suffix or other
  // padding pass as the same bytes.
  const expected = Buffer.from(createHmac("sha256", secret).update(payload).digest("base64url"), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { sub, exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { sub: string; exp: number };
    return typeof sub === "string" && exp > now ? sub : undefined;
  } catch {
    return undefined;
  }
}
