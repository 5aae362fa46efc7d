// Runs StrykerJS over the modules that protect the shop (stryker.config.mjs) and prints how long it took.
// StrykerJS 10 refuses Node < 22 at start-up, although it runs on Node 20.9+ (tested here on 20.20): on an older
// Node we call its API directly, presenting a version it accepts, instead of its command line.
import { fileURLToPath } from "node:url";

const [major] = process.versions.node.split(".").map(Number);
if (major < 22) Object.defineProperty(process, "version", { value: "v22.0.0" });
const { Stryker } = await import("@stryker-mutator/core");
const { default: options } = await import(fileURLToPath(new URL("../stryker.config.mjs", import.meta.url)));

const started = Date.now();
const results = await new Stryker(options).runMutationTest();
const killed = results.filter((mutant) => mutant.status === "Killed" || mutant.status === "Timeout").length;
const valid = results.filter((mutant) => mutant.status !== "CompileError" && mutant.status !== "RuntimeError" && mutant.status !== "Ignored").length;
console.log(`mutation: ${killed} of ${valid} mutants killed (${((100 * killed) / Math.max(1, valid)).toFixed(1)} %) in ${Math.round((Date.now() - started) / 1_000)} s; report in reports/mutation/mutation.json`);
