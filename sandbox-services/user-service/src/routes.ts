// user-service over HTTP.
import { parseBody, type Routes } from "@sandbox/runtime";
import { createUserBody } from "../../../lib/contract/body-checks";
import type { UsersApi } from "./users";

export function userRoutes(users: UsersApi): Routes {
  return {
    "POST /users": async ({ body }) => {
      const { email, name } = parseBody(createUserBody, body);
      return { status: 201, body: { user: await users.create(email, name) } };
    },
    "GET /users/:id": async ({ params }) => ({ status: 200, body: { user: await users.get(params.id) } }),
  };
}
