// Accounts: registering creates the profile and the credential, logging in gives a token, and bad ones get a 401.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HttpError, conflict, openDatabase } from "@sandbox/runtime";
import type { User } from "../../../lib/contract/storefront";
import type { UsersApi } from "../../user-service/src/users";
import { createAuth, type AuthApi } from "./auth";
import { signToken } from "./token";

const SECRET = "auth-test-secret";

/** user-service as auth-service sees it, kept in memory. */
function inMemoryUsers(): UsersApi & { created: User[] } {
  const created: User[] = [];
  return {
    created,
    async create(email, name) {
      if (created.some((user) => user.email === email)) throw conflict(`${email} is already registered`);
      const user = { id: `u-${created.length + 1}`, email, name };
      created.push(user);
      return user;
    },
    async get(id) {
      const user = created.find((candidate) => candidate.id === id);
      if (!user) throw new HttpError(404, `no user with id ${id}`);
      return user;
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error;
}

let dir: string;
let users: ReturnType<typeof inMemoryUsers>;
let auth: AuthApi;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth-test-"));
  users = inMemoryUsers();
  auth = createAuth(openDatabase(path.join(dir, "db.sqlite")), users, SECRET);
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("register", () => {
  it("creates the profile in user-service and lets the new user log in", async () => {
    const user = await auth.register({ email: "ada@example.com", password: "correct horse", name: "Ada" });
    expect(user).toEqual({ id: "u-1", email: "ada@example.com", name: "Ada" });
    expect(users.created).toEqual([user]);

    const token = await auth.login({ email: "ada@example.com", password: "correct horse" });
    expect(await auth.verify(token)).toBe(user.id);
  });

  it("refuses an email that is already registered and keeps the first password", async () => {
    await auth.register({ email: "ada@example.com", password: "correct horse", name: "Ada" });
    const error = await rejection(auth.register({ email: "ada@example.com", password: "another password", name: "Impostor" }));
    expect(error.status).toBe(409);
    await expect(auth.login({ email: "ada@example.com", password: "correct horse" })).resolves.toEqual(expect.any(String));
    expect((await rejection(auth.login({ email: "ada@example.com", password: "another password" }))).status).toBe(401);
  });

  it("keeps the credential when auth-service restarts", async () => {
    const user = await auth.register({ email: "ada@example.com", password: "correct horse", name: "Ada" });
    const restarted = createAuth(openDatabase(path.join(dir, "db.sqlite")), users, SECRET);
    const token = await restarted.login({ email: "ada@example.com", password: "correct horse" });
    expect(await restarted.verify(token)).toBe(user.id);
  });
});

describe("login", () => {
  it("answers a wrong password with a 401", async () => {
    await auth.register({ email: "ada@example.com", password: "correct horse", name: "Ada" });
    const error = await rejection(auth.login({ email: "ada@example.com", password: "wrong horse" }));
    expect(error.status).toBe(401);
    expect(error.message).toBe("the email or password is wrong");
  });

  it("answers an unknown email with the same 401, so it does not reveal who has an account", async () => {
    const error = await rejection(auth.login({ email: "nobody@example.com", password: "correct horse" }));
    expect(error.status).toBe(401);
    expect(error.message).toBe("the email or password is wrong");
  });
});

describe("limits", () => {
  it("refuses a login with 429 after ten wrong passwords, even the right one, before checking it", async () => {
    await auth.register({ email: "ada@example.com", password: "correct horse", name: "Ada" });
    for (let i = 0; i < 10; i++) expect((await rejection(auth.login({ email: "ada@example.com", password: `guess ${i}` }, "10.0.0.1"))).status).toBe(401);
    const error = await rejection(auth.login({ email: "ada@example.com", password: "correct horse" }, "10.0.0.2"));
    expect(error.status).toBe(429);
    expect(error.retryAfterS).toBeGreaterThan(0);
  });

  it("counts registrations of a taken email as failures of that account", async () => {
    await auth.register({ email: "ada@example.com", password: "correct horse", name: "Ada" });
    for (let i = 0; i < 10; i++) expect((await rejection(auth.register({ email: "ada@example.com", password: "another one", name: "Again" }))).status).toBe(409);
    expect((await rejection(auth.register({ email: "ada@example.com", password: "another one", name: "Again" }))).status).toBe(429);
  });
});

describe("verify", () => {
  it("answers a garbage token with a 401", async () => {
    const error = await rejection(auth.verify("not-a-token"));
    expect(error.status).toBe(401);
    expect(error.message).toContain("log in again");
  });

  it("answers a token signed with another secret with a 401", async () => {
    const error = await rejection(auth.verify(signToken("u-1", "not-our-secret")));
    expect(error.status).toBe(401);
  });

  it("answers an expired token with a 401", async () => {
    const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
    const error = await rejection(auth.verify(signToken("u-1", SECRET, dayAgo)));
    expect(error.status).toBe(401);
  });
});
