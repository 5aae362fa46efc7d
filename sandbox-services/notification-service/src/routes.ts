// notification-service over HTTP and queues.
import { badRequest, type EventHandlers, type Routes } from "@sandbox/runtime";
import type { Notifications } from "./notifications";

export function notificationRoutes(notifications: Notifications): Routes {
  return {
    "GET /notifications": ({ query }) => {
      const userId = query.get("userId");
      if (!userId) throw badRequest("userId is required");
      return { status: 200, body: { notifications: notifications.listFor(userId) } };
    },
  };
}

export function notificationHandlers(notifications: Notifications): EventHandlers {
  return {
    PaymentSucceeded: ({ orderId, userId }) => notifications.orderPaid(orderId, userId),
    PaymentFailed: ({ orderId, userId }) => notifications.paymentFailed(orderId, userId),
  };
}
