// Compiles each shop service into one JavaScript file under .build/services, so starting eight processes
// costs no TypeScript compilation. Libraries stay external and load from node_modules.
import { build } from "esbuild";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const servicesDir = path.join(root, "sandbox-services");
const entries = readdirSync(servicesDir)
  .filter((name) => existsSync(path.join(servicesDir, name, "src", "main.ts")))
  .map((name) => ({ in: path.join(servicesDir, name, "src", "main.ts"), out: name }));

/** How every piece is compiled: one bundled ES module for Node 24, libraries left in node_modules. */
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  packages: "external",
  // The shared runtime is our own code: bundle it in rather than load TypeScript at run time.
  alias: { "@sandbox/runtime/service": path.join(servicesDir, "runtime", "src", "service.ts"), "@sandbox/runtime": path.join(servicesDir, "runtime", "src", "index.ts") },
  // Not minified, so a stack trace in a service's log still reads as the source; no source map to load.
  sourcemap: false,
  logLevel: "warning",
};

/**
 * zod's `locales` namespace (its error messages in 60-odd languages, 360 KB) is exported by its index, so bundling keeps
 * all of it though only English is ever used. The server (the one process that bundles zod; the services do not load it
 * at all) gets the namespace built here with English alone; an `en` asked for by zod itself still comes from zod.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(path.dirname(args.importer), "..", "locales", "en.js"), namespace: "zod-english-only" } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: path.dirname(args.path) }));
  },
};

/**
 * cron-parser (and luxon under it, 350 KB) is there for BullMQ's job schedulers, which the shop never uses: the services
 * get a stand-in that says so if one ever is, instead of parsing both at every start of a queue service.
 */
const noCronPatterns = {
  name: "no-cron-patterns",
  setup(plugin) {
    plugin.onResolve({ filter: /^cron-parser$/ }, () => ({ path: "cron-parser", namespace: "no-cron-patterns" }));
    plugin.onLoad({ filter: /.*/, namespace: "no-cron-patterns" }, () => ({
      contents: "export const CronExpressionParser = { parse() { throw new Error('cron patterns are not bundled with the shop services (scripts/build-services.mjs)'); } };",
    }));
  },
};

const started = performance.now();
// Chunk names change with their content: a stale one from an earlier build is removed rather than left to pile up.
rmSync(path.join(root, ".build", "services"), { recursive: true, force: true });
// The services carry their libraries (bullmq, ioredis) in their own file: loading them from node_modules as
// separate CommonJS modules cost each service ~0.2 s more CPU at every start and ~4 MB more memory. `require` is
// given to the CommonJS libraries bundled in, for the Node built-ins they ask for.
const services = await build({
  ...common,
  packages: undefined,
  banner: { js: 'import { createRequire as __sandboxCreateRequire } from "node:module"; const require = __sandboxCreateRequire(import.meta.url);' },
  entryPoints: entries,
  outdir: path.join(root, ".build", "services"),
  outExtension: { ".js": ".mjs" },
  // What several services share (the runtime, and bullmq for those that load it) is one chunk each, loaded only
  // when imported: api-gateway, which uses no queue, never parses bullmq.
  splitting: true,
  // bullmq's ES module build (its "module" field): its CommonJS one, bundled, hides its named exports from import().
  mainFields: ["module", "main"],
  chunkNames: "chunks/[name]-[hash]",
  plugins: [noCronPatterns],
  metafile: true,
});
// No shop process loads zod: it costs ~70 ms of each start, a third of it. They check bodies with lib/contract/body-checks.ts
// and take names from lib/contract/service-names.ts; a module that builds zod schemas, imported by a service, fails here.
const withZod = Object.keys(services.metafile.inputs).filter((input) => /(^|\/)node_modules\/zod\//.test(input));
if (withZod.length > 0) {
  const importers = Object.entries(services.metafile.inputs).filter(([, input]) => input.imports.some((imported) => /(^|\/)node_modules\/zod\//.test(imported.path) || imported.path === "zod")).map(([file]) => file).filter((file) => !file.includes("node_modules/zod/"));
  throw new Error(`a shop service bundles zod (imported by ${importers.join(", ")}): use lib/contract/body-checks.ts or service-names.ts instead`);
}
console.log(`built ${entries.length} services in ${Math.round(performance.now() - started)} ms: ${entries.map((e) => e.out).join(", ")}`);

// The app's own server, compiled once here so `npm start` runs plain JavaScript instead of loading a TypeScript
// loader at every start (less memory, a faster start). Next, socket.io and the other libraries stay external, but
// zod, bundled with English alone, does not load its 60-odd locale modules (a few MB of the idle server).
const serverStarted = performance.now();
const everyPackageButZod = {
  name: "every-package-but-zod",
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, (args) => (/^zod(\/|$)/.test(args.path) || args.namespace !== "file" ? undefined : { path: args.path, external: true }));
  },
};
await build({ ...common, packages: undefined, entryPoints: [path.join(root, "server.ts")], outfile: path.join(root, ".build", "server.mjs"), plugins: [everyPackageButZod, zodEnglishOnly] });
console.log(`built the server in ${Math.round(performance.now() - serverStarted)} ms: .build/server.mjs`);
