// user-service: customer profiles as a microservice.
import { runService } from "@sandbox/runtime/service";
import { userRoutes } from "./routes";
import { createUsers } from "./users";

await runService({
  id: "user-service",
  create: ({ db }) => ({ routes: userRoutes(createUsers(db)) }),
});
