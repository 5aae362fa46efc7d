// Reads the Compare screen's numbers back in plain words. Every sentence is built from the figures given, so
// what it says changes when the numbers do; nothing here is a claim made in advance.
import type { StackComparison } from "../contract/compare";

const NAMES = { microservices: "the microservices", monolith: "the monolith" } as const;
const ms = (value: number) => (value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const list = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

export function readComparison(stacks: StackComparison[]): string[] {
  const running = stacks.filter((stack) => stack.running && stack.figures);
  const sentences: string[] = [];
  if (running.length === 0) return ["Nothing runs yet: switch the architecture to Both to compare the two stacks."];

  const busy = running.filter((stack) => stack.figures!.rps > 0 && stack.figures!.p50Ms !== null);
  if (busy.length === 0) sentences.push("No shopper traffic in the last seconds: start the traffic generator to measure latency and errors.");
  if (busy.length === 2) {
    const [a, b] = [...busy].sort((left, right) => left.figures!.p50Ms! - right.figures!.p50Ms!);
    const ratio = b.figures!.p50Ms! / Math.max(a.figures!.p50Ms!, 0.01);
    sentences.push(
      ratio < 1.15
        ? `Under the same traffic both answer in about the same time at the median (${ms(a.figures!.p50Ms!)} and ${ms(b.figures!.p50Ms!)}).`
        : `Under the same traffic ${NAMES[a.stack]} answers faster at the median: ${ms(a.figures!.p50Ms!)} against ${ms(b.figures!.p50Ms!)} (${ratio.toFixed(1)}×)${a.stack === "monolith" ? ", since its module calls are function calls, not network hops" : ""}.`,
    );
    for (const stack of busy) {
      if (stack.figures!.errorRate > 0.01) sentences.push(`${capitalise(NAMES[stack.stack])} fails ${(stack.figures!.errorRate * 100).toFixed(1)}% of shoppers' requests right now.`);
    }
  }
  if (running.length === 2) {
    const [micro, mono] = ["microservices", "monolith"].map((id) => running.find((stack) => stack.stack === id)!);
    sentences.push(`${capitalise(NAMES.microservices)} run ${micro.figures!.processes} processes in ${mb(micro.figures!.rssBytes)}; the monolith runs ${mono.figures!.processes} in ${mb(mono.figures!.rssBytes)}.`);
  }
  for (const stack of stacks) {
    const redeploy = stack.lastRedeploy;
    if (!redeploy || redeploy.endedAt === null) continue;
    const what = stack.stack === "monolith" ? "Redeploying the monolith" : `Redeploying ${redeploy.service} (${redeploy.strategy})`;
    if (redeploy.requests === 0) sentences.push(`${what} happened with no traffic to measure it: start traffic and redeploy again.`);
    else if (redeploy.failed === 0) sentences.push(`${what} failed none of ${redeploy.requests} shoppers' requests.`);
    else sentences.push(`${what} failed ${redeploy.failed} of ${redeploy.requests} shoppers' requests; the shop was unavailable for ${seconds(redeploy.unavailableMs)}.`);
  }
  for (const stack of stacks) {
    const failure = stack.lastFailure;
    if (!failure || failure.requests === 0) continue;
    const broke = failure.failedFeatures.length > 0 ? `${list(failure.failedFeatures)} failed` : "nothing failed";
    const kept = failure.workingFeatures.length > 0 ? `; ${list(failure.workingFeatures)} kept working` : "";
    sentences.push(`After ${failure.what} in ${NAMES[stack.stack]}, ${broke}${kept}.`);
  }
  return sentences;
}

const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1);
