// Compiles each shop service into one JavaScript file under .build/services, so starting eight processes
// costs no TypeScript compilation. Libraries stay external and load from node_modules.
import { build } from "esbuild";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const servicesDir = path.join(root, "sandbox-services");
const entries = readdirSync(servicesDir)
  .filter((name) => existsSync(path.join(servicesDir, name, "src", "main.ts")))
  .map((name) => ({ in: path.join(servicesDir, name, "src", "main.ts"), out: name }));

/** How every piece is compiled: one bundled ES module for Node 20, libraries left in node_modules. */
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // The shared runtime is our own code: bundle it in rather than load TypeScript at run time.
  alias: { "@sandbox/runtime/service": path.join(servicesDir, "runtime", "src", "service.ts"), "@sandbox/runtime": path.join(servicesDir, "runtime", "src", "index.ts") },
  // Not minified, so a stack trace in a service's log still reads as the source; no source map to load.
  sourcemap: false,
  logLevel: "warning",
};

const started = performance.now();
await build({ ...common, entryPoints: entries, outdir: path.join(root, ".build", "services"), outExtension: { ".js": ".mjs" } });
console.log(`built ${entries.length} services in ${Math.round(performance.now() - started)} ms: ${entries.map((e) => e.out).join(", ")}`);

// The app's own server, compiled once here so `npm start` runs plain JavaScript instead of loading a TypeScript
// loader at every start (less memory, a faster start). Next, socket.io and the other libraries stay external.
const serverStarted = performance.now();
await build({ ...common, entryPoints: [path.join(root, "server.ts")], outfile: path.join(root, ".build", "server.mjs") });
console.log(`built the server in ${Math.round(performance.now() - serverStarted)} ms: .build/server.mjs`);
