// auth-service over HTTP.
import { parseBody, type Routes } from "@sandbox/runtime";
import { VerifyTokenBodySchema } from "../../../lib/contract/shop";
import { LoginBodySchema, RegisterBodySchema } from "../../../lib/contract/storefront";
import type { AuthApi } from "./auth";

export function authRoutes(auth: AuthApi): Routes {
  return {
    "POST /register": async ({ body }) => ({ status: 201, body: { user: await auth.register(parseBody(RegisterBodySchema, body)) } }),
    "POST /login": async ({ body }) => ({ status: 200, body: { token: await auth.login(parseBody(LoginBodySchema, body)) } }),
    "POST /verify": async ({ body }) => ({ status: 200, body: { userId: await auth.verify(parseBody(VerifyTokenBodySchema, body).token) } }),
  };
}
