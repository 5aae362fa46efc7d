// payment-service's inbox: the one event it follows, whether it arrives through a queue or the monolith's bus.
import type { EventHandlers } from "@sandbox/runtime";
import type { Payments } from "./payments";

export function paymentHandlers(payments: Payments): EventHandlers {
  return {
    OrderCreated: async (payload) => void (await payments.charge(payload)),
  };
}
