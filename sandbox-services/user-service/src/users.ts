// User profiles: who the shop's customers are. Credentials live in auth-service, not here.
import { randomUUID } from "node:crypto";
import { conflict, isUniqueViolation, notFound, type Database, type Migration } from "@sandbox/runtime";
import type { User } from "../../../lib/contract/storefront";

export interface UsersApi {
  /** Creates a profile; an email that is already registered is a 409. */
  create(email: string, name: string): Promise<User>;
  get(id: string): Promise<User>;
}

/** user-service's own table: one profile per email address, a unique constraint. */
export const USER_MIGRATIONS: Migration[] = [
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL
   );`,
];

export function createUsers(db: Database): UsersApi & { all(): User[] } {
  db.migrate("users", USER_MIGRATIONS);
  return {
    async create(email, name) {
      const user: User = { id: `u-${randomUUID()}`, email, name };
      try {
        db.run("INSERT INTO users (id, email, name) VALUES (?, ?, ?)", user.id, email, name);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`${email} is already registered`);
        throw error;
      }
      return user;
    },
    async get(id) {
      const user = db.get<User>("SELECT id, email, name FROM users WHERE id = ?", id);
      if (!user) throw notFound(`no user with id ${id}`);
      return { ...user };
    },
    all: () => db.all<User>("SELECT id, email, name FROM users ORDER BY rowid").map((user) => ({ ...user })),
  };
}
