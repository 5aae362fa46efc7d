// Accounts: registering (profile in user-service, credentials here), logging in, and checking tokens.
import { unauthorized, type Store } from "@sandbox/runtime";
import type { LoginBody, RegisterBody, User } from "../../../lib/contract/storefront";
import type { UsersApi } from "../../user-service/src/users";
import { checkPassword, hashPassword } from "./passwords";
import { signToken, verifyToken } from "./token";

interface Credential {
  /** The email address: one credential per address. */
  id: string;
  userId: string;
  passwordHash: string;
}

export interface AuthApi {
  register(body: RegisterBody): Promise<User>;
  login(body: LoginBody): Promise<string>;
  /** The user id a token belongs to; a 401 when it is missing, forged or expired. */
  verify(token: string): Promise<string>;
}

export function createAuth(store: Store, users: UsersApi, secret: string): AuthApi {
  const credentials = store.collection<Credential>("credentials");
  return {
    async register({ email, password, name }) {
      const user = await users.create(email, name);
      credentials.put({ id: email, userId: user.id, passwordHash: await hashPassword(password) });
      return user;
    },
    async login({ email, password }) {
      const credential = credentials.get(email);
      if (!credential || !(await checkPassword(password, credential.passwordHash))) throw unauthorized("the email or password is wrong");
      return signToken(credential.userId, secret);
    },
    async verify(token) {
      const userId = verifyToken(token, secret);
      if (!userId) throw unauthorized("the token is invalid or has expired: log in again");
      return userId;
    },
  };
}
