// How other modules reach auth-service: through a ServiceClient, over HTTP between microservices or as a function call in the monolith.
import type { ServiceClient } from "@sandbox/runtime";
import type { User } from "../../../lib/contract/storefront";
import type { AuthApi } from "./auth";

export function authThrough(client: ServiceClient): AuthApi {
  return {
    register: async (body) => (await client.request<{ user: User }>("auth-service", "POST", "/register", { body })).user,
    login: async (body) => (await client.request<{ token: string }>("auth-service", "POST", "/login", { body })).token,
    verify: async (token) => (await client.request<{ userId: string }>("auth-service", "POST", "/verify", { body: { token } })).userId,
  };
}
