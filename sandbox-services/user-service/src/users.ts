// User profiles: who the shop's customers are. Credentials live in auth-service, not here.
import { randomUUID } from "node:crypto";
import { conflict, notFound, type Store } from "@sandbox/runtime";
import type { User } from "../../../lib/contract/storefront";

export interface UsersApi {
  /** Creates a profile; an email that is already registered is a 409. */
  create(email: string, name: string): Promise<User>;
  get(id: string): Promise<User>;
}

export function createUsers(store: Store): UsersApi & { all(): User[] } {
  const users = store.collection<User>("users");
  return {
    async create(email, name) {
      if (users.find((user) => user.email === email)) throw conflict(`${email} is already registered`);
      return users.put({ id: `u-${randomUUID()}`, email, name });
    },
    async get(id) {
      const user = users.get(id);
      if (!user) throw notFound(`no user with id ${id}`);
      return user;
    },
    all: () => users.all(),
  };
}
