// api-gateway: the shop's single entry point; it checks tokens and routes each call to the service that owns it.
import { runService } from "@sandbox/runtime/service";
import { backendsThrough } from "./backends";
import { storefrontRoutes } from "./storefront";

await runService({
  id: "api-gateway",
  create: ({ client }) => ({ routes: storefrontRoutes(backendsThrough(client)) }),
});
