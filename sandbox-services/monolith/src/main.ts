// monolith: the whole shop in one process — every module, one HTTP server, one in-process bus, one database.
import { databaseAnswers, log, openDatabase, runProcess } from "@sandbox/runtime";
import { databaseFile } from "../../../lib/contract/databases";
import { MONOLITH_ID, displayName } from "../../../lib/contract/service-names";
import { createMonolithShop } from "./modules";

/** On a graceful stop, events in flight get this long to be handled: less than the process's 3 s grace, so a loss is still logged. */
const DRAIN_ON_STOP_MS = 2_000;

await runProcess((env) => {
  // One database for every module: each module's tables (users, credentials, products, reservations, orders, outbox,
  // charges, notifications…) sit side by side in one file, and any module could read any of them.
  const db = openDatabase(databaseFile(env.dataDir, env.serviceId));
  const shop = createMonolithShop(db, env.tokenSecret, env.stack);
  return {
    healthMessage: `${displayName(MONOLITH_ID)} is running`,
    routes: shop.routes,
    // Its routes are the storefront: the shop's front door, open to every shopper.
    publicRoutes: true,
    ready: databaseAnswers(db),
    start() {
      const stopOutbox = shop.startOutbox();
      return async () => {
        stopOutbox();
        await Promise.race([shop.bus.drain(), new Promise((resolve) => setTimeout(resolve, DRAIN_ON_STOP_MS).unref())]);
        const lost = await shop.bus.close();
        if (lost > 0) log.warn(`${lost} events in flight were lost: the monolith's bus keeps them only in memory`);
      };
    },
  };
});
