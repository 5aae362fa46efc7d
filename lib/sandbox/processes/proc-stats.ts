// Reading a process's CPU time and resident memory out of Linux's /proc text, and CPU use from two readings. Pure:
// the caller reads the files (process-sampler.ts).

/** CPU time a process has used so far, in clock ticks (user + system), when it was read. */
export interface CpuReading {
  ticks: number;
  /** Milliseconds, from a monotonic clock. */
  atMs: number;
}

/**
 * utime + stime from the text of /proc/<pid>/stat, or null when it is not one. The command name (field 2) is in
 * parentheses and may itself hold spaces and parentheses, so the fields are counted from the last ")".
 */
export function cpuTicksFromStat(stat: string): number | null {
  const close = stat.lastIndexOf(")");
  if (close < 0) return null;
  // After ")": field 3 (state) is index 0, so utime (field 14) is index 11 and stime (field 15) index 12.
  const fields = stat.slice(close + 1).trim().split(/\s+/);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) && fields.length > 12 ? utime + stime : null;
}

/** VmRSS in bytes from the text of /proc/<pid>/status; null when absent (a kernel thread, a zombie). */
export function rssBytesFromStatus(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/** CPU use between two readings of one process, in percent of one core (two busy cores make 200). */
export function cpuPercent(before: CpuReading, after: CpuReading, clockTicksPerSecond: number): number {
  const seconds = (after.atMs - before.atMs) / 1_000;
  if (seconds <= 0 || after.ticks < before.ticks) return 0;
  return ((after.ticks - before.ticks) / clockTicksPerSecond / seconds) * 100;
}
