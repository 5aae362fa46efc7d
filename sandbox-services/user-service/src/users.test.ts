// User profiles: one per email address, and a clear 404 for an id nobody has.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HttpError, openDatabase } from "@sandbox/runtime";
import { createUsers } from "./users";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "users-test-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("users", () => {
  it("creates a profile with a fresh id that can be fetched again", async () => {
    const users = createUsers(openDatabase(path.join(dir, "db.sqlite")));
    const ada = await users.create("ada@example.com", "Ada");
    const alan = await users.create("alan@example.com", "Alan");
    expect(ada).toEqual({ id: expect.stringMatching(/^u-/), email: "ada@example.com", name: "Ada" });
    expect(alan.id).not.toBe(ada.id);
    expect(await users.get(ada.id)).toEqual(ada);
    expect(users.all()).toHaveLength(2);
  });

  it("refuses a second profile for the same email with a 409 naming the address", async () => {
    const users = createUsers(openDatabase(path.join(dir, "db.sqlite")));
    await users.create("ada@example.com", "Ada");
    const error = await users.create("ada@example.com", "Ada again").catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(409);
    expect((error as HttpError).message).toBe("ada@example.com is already registered");
    expect(users.all()).toHaveLength(1);
  });

  it("refuses a duplicate email registered through another replica", async () => {
    await createUsers(openDatabase(path.join(dir, "db.sqlite"))).create("ada@example.com", "Ada");
    const otherReplica = createUsers(openDatabase(path.join(dir, "db.sqlite")));
    await expect(otherReplica.create("ada@example.com", "Ada")).rejects.toMatchObject({ status: 409 });
  });

  it("answers an unknown id with a 404", async () => {
    const users = createUsers(openDatabase(path.join(dir, "db.sqlite")));
    const error = await users.get("u-missing").catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(404);
    expect((error as HttpError).message).toBe("no user with id u-missing");
  });
});
