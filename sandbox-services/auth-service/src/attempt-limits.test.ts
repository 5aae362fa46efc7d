// The failure limits: an account or an address past its failures waits, for exactly as long as the window says.
import { describe, expect, it } from "vitest";
import { HttpError } from "@sandbox/runtime";
import { AttemptLimits } from "./attempt-limits";

function limitsAt(start: number) {
  const clock = { now: start };
  return { clock, limits: new AttemptLimits({ perAccount: 3, perAddress: 5, windowMs: 60_000 }, () => clock.now) };
}

const refusal = (run: () => void): HttpError | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as HttpError;
  }
};

describe("AttemptLimits", () => {
  it("lets an account fail up to its limit, then answers 429 until the oldest failure leaves the window", () => {
    const { clock, limits } = limitsAt(1_000_000);
    for (let i = 0; i < 3; i++) {
      expect(refusal(() => limits.check("ada@example.com", "10.0.0.1"))).toBeUndefined();
      limits.failed("ada@example.com", "10.0.0.1");
      clock.now += 1_000;
    }
    const error = refusal(() => limits.check("ADA@example.com", "10.0.0.2"));
    expect(error).toBeInstanceOf(HttpError);
    expect(error?.status).toBe(429);
    expect(error?.retryAfterS).toBe(57);
    clock.now = 1_000_000 + 60_001;
    expect(refusal(() => limits.check("ada@example.com", "10.0.0.2"))).toBeUndefined();
  });

  it("limits one address trying many accounts, and leaves other addresses alone", () => {
    const { limits } = limitsAt(0);
    for (let i = 0; i < 5; i++) limits.failed(`user-${i}@example.com`, "10.0.0.1");
    expect(refusal(() => limits.check("new@example.com", "10.0.0.1"))?.status).toBe(429);
    expect(refusal(() => limits.check("new@example.com", "10.0.0.9"))).toBeUndefined();
  });
});
