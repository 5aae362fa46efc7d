// payment-service: payments as a microservice; it has no REST routes of its own, only an inbox.
import { runService } from "@sandbox/runtime";
import { createPayments } from "./payments";

await runService({
  id: "payment-service",
  create({ store, publisher }) {
    const payments = createPayments(store, publisher);
    return { routes: {}, handlers: { OrderCreated: async (payload) => void (await payments.charge(payload)) } };
  },
});
