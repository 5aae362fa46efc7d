// Reading /proc: CPU time and resident memory from a process's stat lines, and CPU use from two readings.
import { describe, expect, it } from "vitest";
import { cpuPercent, cpuTicksFromStat, rssBytesFromStatus } from "./proc-stats";

// A real line of /proc/<pid>/stat, with a command name holding a space and a parenthesis.
const STAT = "4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 12000 0 3 0 730 215 0 0 20 0 11 0 123456 1100000000 17000 18446744073709551615 1 1 0 0 0 0 0 16781312 17922 0 0 0 17 1 0 0 0 0 0";

describe("reading /proc", () => {
  it("adds user and system CPU time, counting fields after the command name", () => {
    expect(cpuTicksFromStat(STAT)).toBe(945);
  });

  it("refuses text that is not a stat line", () => {
    expect(cpuTicksFromStat("")).toBeNull();
    expect(cpuTicksFromStat("12 (short) S 1 2")).toBeNull();
  });

  it("reads the resident memory in bytes", () => {
    expect(rssBytesFromStatus("Name:\tnode\nVmPeak:\t  999 kB\nVmRSS:\t   65536 kB\nThreads:\t11\n")).toBe(65_536 * 1024);
    expect(rssBytesFromStatus("Name:\tkthreadd\n")).toBeNull();
  });
});

describe("CPU use from two readings", () => {
  it("is the ticks used over the seconds passed, in percent of one core", () => {
    expect(cpuPercent({ ticks: 100, atMs: 0 }, { ticks: 150, atMs: 1_000 }, 100)).toBeCloseTo(50);
    expect(cpuPercent({ ticks: 0, atMs: 0 }, { ticks: 400, atMs: 2_000 }, 100)).toBeCloseTo(200);
  });

  it("is 0 rather than nonsense for no time passed or a counter going back (a reused pid)", () => {
    expect(cpuPercent({ ticks: 1, atMs: 5 }, { ticks: 9, atMs: 5 }, 100)).toBe(0);
    expect(cpuPercent({ ticks: 90, atMs: 0 }, { ticks: 10, atMs: 1_000 }, 100)).toBe(0);
  });
});
