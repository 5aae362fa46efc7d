// payment-service: payments as a microservice; it has no REST routes of its own, only an inbox.
import { runService } from "@sandbox/runtime/service";
import { paymentHandlers } from "./handlers";
import { createPayments } from "./payments";

await runService({
  id: "payment-service",
  create({ db, publisher }) {
    return { routes: {}, handlers: paymentHandlers(createPayments(db, publisher)) };
  },
});
