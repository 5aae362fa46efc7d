// notification-service: emails as a microservice.
import { runService } from "@sandbox/runtime/service";
import { createNotifications } from "./notifications";
import { notificationHandlers, notificationRoutes } from "./routes";

await runService({
  id: "notification-service",
  create({ db, publisher }) {
    const notifications = createNotifications(db, publisher);
    return { routes: notificationRoutes(notifications), handlers: notificationHandlers(notifications) };
  },
});
