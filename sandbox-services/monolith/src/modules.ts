// The whole shop as modules of one process: each module is the very code its microservice runs; calls between them are
// function calls through the in-process client, their events go through one in-process bus, and they share one database.
import { createInProcessBus, createInProcessClient, withModuleFaults, type InProcessBus, type Database, type Routes } from "@sandbox/runtime";
import type { StackId } from "../../../lib/contract/events";
import type { ShopServiceId } from "../../../lib/contract/service-names";
import { backendsThrough } from "../../api-gateway/src/backends";
import { storefrontRoutes } from "../../api-gateway/src/storefront";
import { createAuth } from "../../auth-service/src/auth";
import { authRoutes } from "../../auth-service/src/routes";
import { createNotifications } from "../../notification-service/src/notifications";
import { notificationHandlers, notificationRoutes } from "../../notification-service/src/routes";
import { createOrders } from "../../order-service/src/orders";
import { orderHandlers, orderRoutes, startOutbox } from "../../order-service/src/routes";
import { paymentHandlers } from "../../payment-service/src/handlers";
import { createPayments } from "../../payment-service/src/payments";
import { createCatalogue } from "../../product-service/src/catalogue";
import { productsThrough } from "../../product-service/src/client";
import { productHandlers, productRoutes } from "../../product-service/src/routes";
import { usersThrough } from "../../user-service/src/client";
import { userRoutes } from "../../user-service/src/routes";
import { createUsers } from "../../user-service/src/users";

export interface MonolithShop {
  /** The storefront API: the gateway module's routes, with its faults in force. */
  routes: Routes;
  bus: InProcessBus;
  /** Starts order-service's outbox, as its microservice does; returns how to stop it. */
  startOutbox(): () => void;
}

export function createMonolithShop(db: Database, tokenSecret: string, stack: StackId): MonolithShop {
  const modules = new Map<ShopServiceId, Routes>();
  const clientOf = (from: ShopServiceId) => createInProcessClient(from, stack, modules);
  const bus = createInProcessBus(stack);

  const users = createUsers(db);
  const auth = createAuth(db, usersThrough(clientOf("auth-service")), tokenSecret);
  const catalogue = createCatalogue(db, bus.publisherFor("product-service"));
  const orders = createOrders(db, productsThrough(clientOf("order-service")), bus.publisherFor("order-service"));
  const payments = createPayments(db, bus.publisherFor("payment-service"));
  const notifications = createNotifications(db, bus.publisherFor("notification-service"));

  modules.set("user-service", userRoutes(users));
  modules.set("auth-service", authRoutes(auth));
  modules.set("product-service", productRoutes(catalogue));
  modules.set("order-service", orderRoutes(orders));
  modules.set("notification-service", notificationRoutes(notifications));

  bus.subscribe("product-service", productHandlers(catalogue));
  bus.subscribe("order-service", orderHandlers(orders));
  bus.subscribe("payment-service", paymentHandlers(payments));
  bus.subscribe("notification-service", notificationHandlers(notifications));

  return {
    routes: withModuleFaults("api-gateway", storefrontRoutes(backendsThrough(clientOf("api-gateway")))),
    bus,
    // Events in flight die with this process; pending orders are announced again when it starts.
    startOutbox: () => startOutbox(orders, { reannouncePendingAtStart: true }),
  };
}
