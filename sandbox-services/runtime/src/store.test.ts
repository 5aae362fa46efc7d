// What a service's own database keeps: documents that survive a restart and are shared by its replicas.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openStore } from "./store";

interface Pet {
  id: string;
  name: string;
  kind: "cat" | "dog";
}

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "store-test-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a collection", () => {
  it("gives back what was put, by id", () => {
    const pets = openStore(dir).collection<Pet>("pets");
    pets.put({ id: "1", name: "Tom", kind: "cat" });
    expect(pets.get("1")).toEqual({ id: "1", name: "Tom", kind: "cat" });
    expect(pets.get("2")).toBeUndefined();
  });

  it("replaces a document put again with the same id", () => {
    const pets = openStore(dir).collection<Pet>("pets");
    pets.put({ id: "1", name: "Tom", kind: "cat" });
    pets.put({ id: "1", name: "Thomas", kind: "cat" });
    expect(pets.get("1")?.name).toBe("Thomas");
    expect(pets.count()).toBe(1);
  });

  it("lists, filters, finds and counts its documents", () => {
    const pets = openStore(dir).collection<Pet>("pets");
    pets.put({ id: "1", name: "Tom", kind: "cat" });
    pets.put({ id: "2", name: "Rex", kind: "dog" });
    pets.put({ id: "3", name: "Felix", kind: "cat" });
    expect(pets.all().map((pet) => pet.id).sort()).toEqual(["1", "2", "3"]);
    expect(pets.filter((pet) => pet.kind === "cat").map((pet) => pet.name).sort()).toEqual(["Felix", "Tom"]);
    expect(pets.find((pet) => pet.kind === "dog")?.name).toBe("Rex");
    expect(pets.find((pet) => pet.name === "Nemo")).toBeUndefined();
    expect(pets.count()).toBe(3);
  });

  it("keeps collections apart", () => {
    const store = openStore(dir);
    store.collection<Pet>("pets").put({ id: "1", name: "Tom", kind: "cat" });
    expect(store.collection<Pet>("owners").count()).toBe(0);
  });

  it("refuses a collection name that is not a plain lowercase word", () => {
    const store = openStore(dir);
    for (const name of ["../escape", "Pets", "", "1pets", "pets.jsonl", "my pets"]) {
      expect(() => store.collection(name)).toThrow(`invalid collection name ${name}`);
    }
    expect(() => store.collection("pet-owners2")).not.toThrow();
  });
});

describe("shared and durable data", () => {
  it("lets a second replica on the same folder see the first one's writes", () => {
    const first = openStore(dir).collection<Pet>("pets");
    const second = openStore(dir).collection<Pet>("pets");
    first.put({ id: "1", name: "Tom", kind: "cat" });
    expect(second.get("1")?.name).toBe("Tom");
    second.put({ id: "1", name: "Thomas", kind: "cat" });
    second.put({ id: "2", name: "Rex", kind: "dog" });
    expect(first.get("1")?.name).toBe("Thomas");
    expect(first.count()).toBe(2);
  });

  it("keeps the data when the service is restarted", () => {
    const before = openStore(dir).collection<Pet>("pets");
    before.put({ id: "1", name: "Tom", kind: "cat" });
    before.put({ id: "1", name: "Thomas", kind: "cat" });
    before.put({ id: "2", name: "Rex", kind: "dog" });

    const after = openStore(dir).collection<Pet>("pets");
    expect(after.all().sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: "1", name: "Thomas", kind: "cat" },
      { id: "2", name: "Rex", kind: "dog" },
    ]);
  });

  it("creates the data folder when it does not exist yet", () => {
    const nested = path.join(dir, "order-service", "data");
    openStore(nested).collection<Pet>("pets").put({ id: "1", name: "Tom", kind: "cat" });
    expect(fs.existsSync(path.join(nested, "pets.jsonl"))).toBe(true);
  });
});

describe("watchers", () => {
  it("tells the watcher of every version of every document, with the one before", () => {
    const onChange = vi.fn();
    const pets = openStore(dir).collection<Pet>("pets", { onChange, onReset: vi.fn() });
    pets.put({ id: "1", name: "Tom", kind: "cat" });
    pets.put({ id: "1", name: "Thomas", kind: "cat" });
    expect(onChange.mock.calls).toEqual([
      [{ id: "1", name: "Tom", kind: "cat" }, undefined],
      [{ id: "1", name: "Thomas", kind: "cat" }, { id: "1", name: "Tom", kind: "cat" }],
    ]);
  });

  it("replays what is already on disk to a watcher given on open", () => {
    openStore(dir).collection<Pet>("pets").put({ id: "1", name: "Tom", kind: "cat" });
    const onChange = vi.fn();
    openStore(dir).collection<Pet>("pets", { onChange, onReset: vi.fn() });
    expect(onChange).toHaveBeenCalledWith({ id: "1", name: "Tom", kind: "cat" }, undefined);
  });

  it("starts over when the file was emptied (a sandbox reset), and tells the watcher", () => {
    const onReset = vi.fn();
    const pets = openStore(dir).collection<Pet>("pets", { onChange: vi.fn(), onReset });
    pets.put({ id: "1", name: "Tom", kind: "cat" });
    pets.put({ id: "2", name: "Rex", kind: "dog" });

    fs.truncateSync(path.join(dir, "pets.jsonl"), 0);

    expect(pets.count()).toBe(0);
    expect(pets.get("1")).toBeUndefined();
    expect(onReset).toHaveBeenCalledTimes(1);

    pets.put({ id: "3", name: "Felix", kind: "cat" });
    expect(pets.all()).toEqual([{ id: "3", name: "Felix", kind: "cat" }]);
  });
});
