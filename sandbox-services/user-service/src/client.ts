// How other services reach user-service over HTTP, behind the same interface the monolith calls directly.
import type { ServiceClient } from "@sandbox/runtime";
import type { User } from "../../../lib/contract/storefront";
import type { UsersApi } from "./users";

export function usersOverHttp(client: ServiceClient): UsersApi {
  return {
    create: async (email, name) => (await client.request<{ user: User }>("user-service", "POST", "/users", { body: { email, name } })).user,
    get: async (id) => (await client.request<{ user: User }>("user-service", "GET", `/users/${encodeURIComponent(id)}`)).user,
  };
}
