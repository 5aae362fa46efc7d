// auth-service over HTTP.
import { parseBody, type Routes } from "@sandbox/runtime";
import { loginBody, registerBody, verifyTokenBody } from "../../../lib/contract/body-checks";
import type { AuthApi } from "./auth";
import { SHOPPER_ADDRESS_HEADER } from "./client";

const addressOf = (headers: Record<string, string | string[] | undefined>) => {
  const address = headers[SHOPPER_ADDRESS_HEADER];
  return typeof address === "string" ? address : undefined;
};

export function authRoutes(auth: AuthApi): Routes {
  return {
    "POST /register": async ({ body, headers }) => ({ status: 201, body: { user: await auth.register(parseBody(registerBody, body), addressOf(headers)) } }),
    "POST /login": async ({ body, headers }) => ({ status: 200, body: { token: await auth.login(parseBody(loginBody, body), addressOf(headers)) } }),
    "POST /verify": async ({ body }) => ({ status: 200, body: { userId: await auth.verify(parseBody(verifyTokenBody, body).token) } }),
  };
}
