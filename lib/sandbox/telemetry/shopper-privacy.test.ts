// What the room sees of a shopper: no email anywhere in an event, and a shopper's text cut and marked as theirs.
import { describe, expect, it } from "vitest";
import type { HttpEvent, LogEvent } from "../../contract/events";
import { EMAIL_HIDDEN, keepShoppersPrivate, shownError, shownPath } from "./shopper-privacy";

const call = (path: string, error: string): HttpEvent => ({ type: "http", ts: 1, stack: "microservices", from: "client", to: "api-gateway", method: "POST", path, status: 409, durationMs: 1, traceId: "t", spanId: "s", error });

describe("keeping shoppers private", () => {
  it("hides an email in an error and in a log line", () => {
    const event = call("/api/auth/register", "alice.smith+x@example.co.uk is already registered");
    keepShoppersPrivate(event);
    expect(event.error).toBe(`${EMAIL_HIDDEN} is already registered`);
    const log: LogEvent = { type: "log", ts: 1, stack: "monolith", service: "notification", instanceId: "i", level: "info", line: "welcome mail to bob@shop.test sent" };
    keepShoppersPrivate(log);
    expect(log.line).toBe(`welcome mail to ${EMAIL_HIDDEN} sent`);
  });

  it("cuts a message written into a path, and marks it as the shopper's input where an error echoes it", () => {
    const message = `ATTENTION%20CLASS%20${"x".repeat(6000)}`;
    expect(shownPath(`/api/products/${message}`)).toBe(`/api/products/${message.slice(0, 39)}…`);
    const error = shownError(`no route for GET /api/products/${message}/reviews`, `/api/products/${message}/reviews`);
    expect(error.length).toBeLessThanOrEqual(300);
    expect(error).toMatch(/^no route for GET “\/api\/products\/ATTENTION%20CLASS.*” \(the shopper's input\)$/);
    expect(shownError(`product ATTENTION CLASS ${"y".repeat(50)} not found`, `/api/products/ATTENTION%20CLASS%20${"y".repeat(50)}`)).toMatch(/^product “ATTENTION CLASS y+…” \(the shopper's input\) not found$/);
  });

  it("leaves an ordinary event as it was", () => {
    const event = call("/api/orders", "payment-service is unavailable");
    keepShoppersPrivate(event);
    expect(event).toMatchObject({ path: "/api/orders", error: "payment-service is unavailable" });
  });
});
