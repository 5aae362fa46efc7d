// How other modules reach auth-service: through a ServiceClient, over HTTP between microservices or as a function call in the monolith.
import type { ServiceClient } from "@sandbox/runtime";
import type { User } from "../../../lib/contract/storefront";
import type { AuthApi } from "./auth";

/** Where the shopper called from, told to auth-service for its per-address limit (only the stack's services reach it). */
export const SHOPPER_ADDRESS_HEADER = "x-sandbox-shopper-address";
const addressHeader = (address: string | undefined): Record<string, string> => (address ? { [SHOPPER_ADDRESS_HEADER]: address } : {});

export function authThrough(client: ServiceClient): AuthApi {
  return {
    register: async (body, address) => (await client.request<{ user: User }>("auth-service", "POST", "/register", { body, headers: addressHeader(address) })).user,
    login: async (body, address) => (await client.request<{ token: string }>("auth-service", "POST", "/login", { body, headers: addressHeader(address) })).token,
    verify: async (token) => (await client.request<{ userId: string }>("auth-service", "POST", "/verify", { body: { token } })).userId,
  };
}
