// A service's own database: collections of JSON documents kept in append-only files in its data folder.
// The files outlive the process, so a kill or redeploy loses nothing; every replica of a service reads the
// others' writes before it reads or writes, so they share one database as a real service's replicas would.
import fs from "node:fs";
import path from "node:path";
import { openMarkers, type MarkerSet } from "./markers";

export interface Document {
  id: string;
}

export interface Collection<T extends Document> {
  get(id: string): T | undefined;
  all(): T[];
  find(predicate: (doc: T) => boolean): T | undefined;
  filter(predicate: (doc: T) => boolean): T[];
  /** Inserts or replaces the document with the same id; durable once it returns. */
  put(doc: T): T;
  count(): number;
}

class FileCollection<T extends Document> implements Collection<T> {
  private docs = new Map<string, T>();
  private offset = 0;
  private partial = "";
  private readonly fd: number;

  constructor(
    file: string,
    private readonly onChange?: (doc: T, previous: T | undefined) => void,
    private readonly onReset?: () => void,
  ) {
    this.fd = fs.openSync(file, "a+");
    this.catchUp();
  }

  /** Applies every line other writers (or we) appended since the last look. */
  private catchUp(): void {
    const size = fs.fstatSync(this.fd).size;
    if (size < this.offset) {
      // The file was emptied (a sandbox reset): start over.
      this.docs.clear();
      this.onReset?.();
      this.offset = 0;
      this.partial = "";
    }
    if (size === this.offset) return;
    const chunk = Buffer.alloc(size - this.offset);
    fs.readSync(this.fd, chunk, 0, chunk.length, this.offset);
    this.offset = size;
    const lines = (this.partial + chunk.toString("utf8")).split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line) continue;
      const doc = JSON.parse(line) as T;
      const previous = this.docs.get(doc.id);
      this.docs.set(doc.id, doc);
      this.onChange?.(doc, previous);
    }
  }

  get(id: string) {
    this.catchUp();
    return this.docs.get(id);
  }
  all() {
    this.catchUp();
    return [...this.docs.values()];
  }
  find(predicate: (doc: T) => boolean) {
    this.catchUp();
    for (const doc of this.docs.values()) if (predicate(doc)) return doc;
    return undefined;
  }
  filter(predicate: (doc: T) => boolean) {
    return this.all().filter(predicate);
  }
  count() {
    this.catchUp();
    return this.docs.size;
  }
  put(doc: T) {
    fs.appendFileSync(this.fd, JSON.stringify(doc) + "\n");
    this.catchUp();
    return doc;
  }
}

/** Keeps an index derived from a collection: told of every version of every document, in write order. */
export interface Watcher<T> {
  onChange(doc: T, previous: T | undefined): void;
  onReset(): void;
}

export interface Store {
  /** Opens a collection; a watcher, if given, must be given on the first open. */
  collection<T extends Document>(name: string, watcher?: Watcher<T>): Collection<T>;
  /** Opens a set of in-flight markers: nothing of a cleared one stays on disk. */
  markers(name: string): MarkerSet;
}

export function openStore(dir: string): Store {
  fs.mkdirSync(dir, { recursive: true });
  const open = new Map<string, Collection<Document>>();
  return {
    collection<T extends Document>(name: string, watcher?: Watcher<T>): Collection<T> {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`invalid collection name ${name}`);
      let collection = open.get(name);
      if (!collection) {
        const typed = new FileCollection<T>(
          path.join(dir, `${name}.jsonl`),
          watcher && ((doc, previous) => watcher.onChange(doc, previous)),
          watcher && (() => watcher.onReset()),
        );
        collection = typed as unknown as Collection<Document>;
        open.set(name, collection);
      }
      return collection as Collection<T>;
    },
    markers(name: string): MarkerSet {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`invalid marker set name ${name}`);
      return openMarkers(dir, name);
    },
  };
}
