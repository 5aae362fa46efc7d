// Runs StrykerJS over the modules that protect the shop (stryker.config.mjs) and prints how long it took.
// Its API rather than its command line, so the summary line below can be printed from the results.
import { fileURLToPath } from "node:url";
import { Stryker } from "@stryker-mutator/core";

const { default: options } = await import(fileURLToPath(new URL("../stryker.config.mjs", import.meta.url)));

const started = Date.now();
const results = await new Stryker(options).runMutationTest();
const killed = results.filter((mutant) => mutant.status === "Killed" || mutant.status === "Timeout").length;
const valid = results.filter((mutant) => mutant.status !== "CompileError" && mutant.status !== "RuntimeError" && mutant.status !== "Ignored").length;
console.log(`mutation: ${killed} of ${valid} mutants killed (${((100 * killed) / Math.max(1, valid)).toFixed(1)} %) in ${Math.round((Date.now() - started) / 1_000)} s; report in reports/mutation/mutation.json`);
