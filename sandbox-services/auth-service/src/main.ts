// auth-service: accounts and tokens as a microservice.
import { runService } from "@sandbox/runtime/service";
import { usersThrough } from "../../user-service/src/client";
import { createAuth } from "./auth";
import { authRoutes } from "./routes";

await runService({
  id: "auth-service",
  create: ({ store, client, env }) => ({ routes: authRoutes(createAuth(store, usersThrough(client), env.tokenSecret)) }),
});
