// The goals table, filled in as the bench measures: each figure beside its goal and the baseline
// measured in the same run, so a reader sees ratios on a shared machine, not only absolute numbers.
import os from "node:os";

interface Row {
  figure: string;
  goal: string;
  measured: string;
  baseline: string;
  met: boolean | undefined;
}

const rows: Row[] = [];

export function recordGoal(figure: string, goal: string, measured: string, baseline: string, met: boolean | undefined): void {
  rows.push({ figure, goal, measured, baseline, met });
}

const verdict = (met: boolean | undefined) => (met === undefined ? "—" : met ? "met" : "NOT MET");

/** The table as Markdown, ready for the README, with the machine's load at the time. */
export function goalsTable(loadAtStart: number[]): string[] {
  const load = (values: number[]) => values.map((value) => value.toFixed(1)).join(" / ");
  return [
    `Goals: each figure beside its goal and the baseline measured in the same run — ${os.cpus().length} cores; load average 1/5/15 min: at the start ${load(loadAtStart)}, at the end ${load(os.loadavg())}`,
    "",
    "| figure | goal | measured | baseline in the same run | |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row.figure} | ${row.goal} | ${row.measured} | ${row.baseline} | ${verdict(row.met)} |`),
  ];
}
