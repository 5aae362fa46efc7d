// How other modules reach user-service: through a ServiceClient, over HTTP between microservices or as a function call in the monolith.
import type { ServiceClient } from "@sandbox/runtime";
import type { User } from "../../../lib/contract/storefront";
import type { UsersApi } from "./users";

export function usersThrough(client: ServiceClient): UsersApi {
  return {
    create: async (email, name) => (await client.request<{ user: User }>("user-service", "POST", "/users", { body: { email, name } })).user,
    get: async (id) => (await client.request<{ user: User }>("user-service", "GET", `/users/${encodeURIComponent(id)}`)).user,
  };
}
