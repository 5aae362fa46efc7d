// Work in flight, kept durably only while it is in flight: one small file per item beside the collections
// (`<set>~<id>.inflight`), removed when the work is settled. Unlike a collection (append-only, so every write
// stays), settled work leaves nothing behind, so requests that are refused cannot make the files grow.
import fs from "node:fs";
import path from "node:path";

export interface Marker {
  id: string;
  /** When it was set, in ms since the epoch. */
  at: number;
}

export interface MarkerSet {
  /** Marks `id` as in flight; durable once it returns. */
  set(id: string, at?: number): void;
  /** The work is settled: the mark goes. */
  clear(id: string): void;
  list(): Marker[];
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const SUFFIX = ".inflight";

/** The markers named `name` in the store folder `dir`. */
export function openMarkers(dir: string, name: string): MarkerSet {
  const prefix = `${name}~`;
  const fileOf = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error(`invalid marker id ${id}`);
    return path.join(dir, `${prefix}${id}${SUFFIX}`);
  };
  return {
    set(id, at = Date.now()) {
      // Made again if a sandbox reset emptied the data folder under us.
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(fileOf(id), String(at));
    },
    clear(id) {
      fs.rmSync(fileOf(id), { force: true });
    },
    list() {
      let names: string[];
      try {
        names = fs.readdirSync(dir).filter((file) => file.startsWith(prefix) && file.endsWith(SUFFIX));
      } catch {
        return [];
      }
      return names.flatMap((file) => {
        try {
          const at = Number(fs.readFileSync(path.join(dir, file), "utf8"));
          return Number.isFinite(at) ? [{ id: file.slice(prefix.length, -SUFFIX.length), at }] : [];
        } catch {
          return []; // cleared by another replica meanwhile
        }
      });
    },
  };
}
