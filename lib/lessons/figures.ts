// Fills a lesson's sentences with the figures measured in this run: "{figure}" from the step itself, "{step:figure}" from another.
import type { Figures } from "../contract/lessons";

const PLACEHOLDER = /\{(?:([a-z0-9-]+):)?([A-Za-z0-9.-]+)\}/g;

/** Every placeholder of a template, as [step or null, figure]. */
export const placeholders = (template: string): Array<[string | null, string]> => [...template.matchAll(PLACEHOLDER)].map((match) => [match[1] ?? null, match[2]]);

export function fill(template: string, byStep: Record<string, Figures>, ownStep: string): string {
  return template.replace(PLACEHOLDER, (_, step: string | undefined, figure: string) => {
    const value = byStep[step ?? ownStep]?.[figure];
    return value === undefined ? "?" : String(value);
  });
}
