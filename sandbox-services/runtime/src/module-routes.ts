// A module's routes with that module's faults in force: how a fault on one module bites inside the monolith's one process.
import { beforeHandling } from "./faults";
import type { Routes } from "./router";

/** The same routes, each first running `module`'s faults (latency, errors, cpu-hog) as its own server would. */
export function withModuleFaults(module: string, routes: Routes): Routes {
  return Object.fromEntries(
    Object.entries(routes).map(([key, handler]) => [
      key,
      async (request) => {
        await beforeHandling(module);
        return handler(request);
      },
    ]),
  ) as Routes;
}
