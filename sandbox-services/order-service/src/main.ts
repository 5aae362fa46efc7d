// order-service: orders as a microservice.
import { runService } from "@sandbox/runtime/service";
import { productsThrough } from "../../product-service/src/client";
import { createOrders } from "./orders";
import { orderHandlers, orderRoutes, startOutbox } from "./routes";

await runService({
  id: "order-service",
  create({ db, client, publisher }) {
    const orders = createOrders(db, productsThrough(client), publisher);
    return { routes: orderRoutes(orders), handlers: orderHandlers(orders), start: () => startOutbox(orders) };
  },
});
