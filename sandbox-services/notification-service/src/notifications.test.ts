// Notifications: one email per order and kind however often the payment event arrives, each announced as EmailSent.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@sandbox/runtime";
import { recordingPublisher } from "../../runtime/src/testing/recording-publisher";
import { createNotifications } from "./notifications";


let dir: string;
let publisher: ReturnType<typeof recordingPublisher>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "notifications-test-"));
  publisher = recordingPublisher();
});

afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("notifications", () => {
  it("records an order-paid email and announces EmailSent", async () => {
    const notifications = createNotifications(openDatabase(path.join(dir, "db.sqlite")), publisher);
    await notifications.orderPaid("o-1", "u-1");
    expect(notifications.listFor("u-1")).toEqual([
      { id: "o-1-order-paid", orderId: "o-1", userId: "u-1", kind: "order-paid", sentAt: expect.any(Number) },
    ]);
    expect(publisher.published).toEqual([
      { event: "EmailSent", payload: { orderId: "o-1", userId: "u-1", notificationId: "o-1-order-paid", kind: "order-paid" }, key: "o-1-order-paid" },
    ]);
  });

  it("sends one email per order and kind even when the event is handled twice", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2025, 0, 1, 12, 0, 0) });
    const notifications = createNotifications(openDatabase(path.join(dir, "db.sqlite")), publisher);
    await notifications.orderPaid("o-1", "u-1");
    const [first] = notifications.listFor("u-1");
    vi.setSystemTime(Date.UTC(2025, 0, 1, 12, 5, 0));
    await notifications.orderPaid("o-1", "u-1");
    // The redelivery finds the email already sent: the first one stands, with its time.
    expect(notifications.listFor("u-1")).toEqual([first]);
    // The announcement is repeated with the same key, so the broker queues it once.
    expect(publisher.published.map((entry) => entry.key)).toEqual(["o-1-order-paid", "o-1-order-paid"]);
  });

  it("sends one email even when the second delivery reaches another replica", async () => {
    await createNotifications(openDatabase(path.join(dir, "db.sqlite")), publisher).paymentFailed("o-1", "u-1");
    const replica = createNotifications(openDatabase(path.join(dir, "db.sqlite")), publisher);
    await replica.paymentFailed("o-1", "u-1");
    expect(replica.listFor("u-1")).toHaveLength(1);
  });

  it("keeps different kinds and different users apart", async () => {
    const notifications = createNotifications(openDatabase(path.join(dir, "db.sqlite")), publisher);
    await notifications.paymentFailed("o-1", "u-1");
    await notifications.orderPaid("o-1", "u-1");
    await notifications.orderPaid("o-2", "u-2");
    expect(notifications.listFor("u-1").map((notification) => notification.kind).sort()).toEqual(["order-paid", "payment-failed"]);
    expect(notifications.listFor("u-2").map((notification) => notification.id)).toEqual(["o-2-order-paid"]);
    expect(notifications.listFor("u-3")).toEqual([]);
  });
});
