// The sandbox's private data folder: made per run, removed on the way out, and cleaned up after a run that died.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const PREFIX = "architecture-sandbox-";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** A fresh folder named for this process, after removing those left by runs that were killed. */
export function makeDataFolder(): string {
  for (const entry of readdirSync(os.tmpdir())) {
    const owner = new RegExp(`^${PREFIX}(\\d+)-`).exec(entry);
    if (owner && !alive(Number(owner[1]))) rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
  return mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
}

/** Synchronous, so it also works from an exit or crash handler. */
export function removeDataFolder(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

/** Empties the folder (a reset) without removing it. */
export function emptyDataFolder(dir: string): void {
  for (const entry of readdirSync(dir)) rmSync(path.join(dir, entry), { recursive: true, force: true });
}
