// user-service over HTTP.
import { parseBody, type Routes } from "@sandbox/runtime";
import { CreateUserBodySchema } from "../../../lib/contract/shop";
import type { UsersApi } from "./users";

export function userRoutes(users: UsersApi): Routes {
  return {
    "POST /users": async ({ body }) => {
      const { email, name } = parseBody(CreateUserBodySchema, body);
      return { status: 201, body: { user: await users.create(email, name) } };
    },
    "GET /users/:id": async ({ params }) => ({ status: 200, body: { user: await users.get(params.id) } }),
  };
}
