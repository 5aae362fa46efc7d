// product-service: the catalogue as a microservice.
import { runService } from "@sandbox/runtime/service";
import { createCatalogue } from "./catalogue";
import { productHandlers, productRoutes } from "./routes";

await runService({
  id: "product-service",
  create({ db, publisher }) {
    const catalogue = createCatalogue(db, publisher);
    return { routes: productRoutes(catalogue), handlers: productHandlers(catalogue) };
  },
});
