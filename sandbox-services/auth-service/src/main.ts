// auth-service: accounts and tokens as a microservice.
import { runService } from "@sandbox/runtime/service";
import { usersThrough } from "../../user-service/src/client";
import { createAuth } from "./auth";
import { authRoutes } from "./routes";

await runService({
  id: "auth-service",
  create: ({ db, client, env }) => ({ routes: authRoutes(createAuth(db, usersThrough(client), env.tokenSecret)) }),
});
