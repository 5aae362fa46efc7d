// Accounts: registering (profile in user-service, credentials here), logging in, and checking tokens. A login does
// the same work whether or not the email has an account, and failures are limited per account and per address.
import { HttpError, unauthorized, type Store } from "@sandbox/runtime";
import type { LoginBody, RegisterBody, User } from "../../../lib/contract/storefront";
import type { UsersApi } from "../../user-service/src/users";
import { AttemptLimits } from "./attempt-limits";
import { checkPassword, hashPassword } from "./passwords";
import { signToken, verifyToken } from "./token";

interface Credential {
  /** The email address: one credential per address. */
  id: string;
  userId: string;
  passwordHash: string;
}

export interface AuthApi {
  /** `address` is where the shopper called from, for the per-address limit. */
  register(body: RegisterBody, address?: string): Promise<User>;
  login(body: LoginBody, address?: string): Promise<string>;
  /** The user id a token belongs to; a 401 when it is missing, forged or expired. */
  verify(token: string): Promise<string>;
}

export function createAuth(store: Store, users: UsersApi, secret: string, limits = new AttemptLimits()): AuthApi {
  const credentials = store.collection<Credential>("credentials");
  // An unknown email is checked against this stand-in hash, so its answer takes as long as a wrong password's.
  const decoy = hashPassword("a password nobody has");
  return {
    async register({ email, password, name }, address) {
      limits.check(email, address);
      try {
        const user = await users.create(email, name);
        credentials.put({ id: email, userId: user.id, passwordHash: await hashPassword(password) });
        return user;
      } catch (error) {
        // "Already registered" tells whether an account exists: trying many counts like guessing.
        if (error instanceof HttpError && error.status === 409) limits.failed(email, address);
        throw error;
      }
    },
    async login({ email, password }, address) {
      limits.check(email, address);
      const credential = credentials.get(email);
      const matches = await checkPassword(password, credential?.passwordHash ?? (await decoy));
      if (!credential || !matches) {
        limits.failed(email, address);
        throw unauthorized("the email or password is wrong");
      }
      return signToken(credential.userId, secret);
    },
    async verify(token) {
      const userId = verifyToken(token, secret);
      if (!userId) throw unauthorized("the token is invalid or has expired: log in again");
      return userId;
    },
  };
}
