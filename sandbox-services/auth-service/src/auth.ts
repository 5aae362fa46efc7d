// Accounts: registering (profile in user-service, credentials here), logging in, and checking tokens. A login does
// the same work whether or not the email has an account, and failures are limited per account and per address.
import { HttpError, unauthorized, type Database, type Migration } from "@sandbox/runtime";
import type { LoginBody, RegisterBody, User } from "../../../lib/contract/storefront";
import type { UsersApi } from "../../user-service/src/users";
import { AttemptLimits } from "./attempt-limits";
import { checkPassword, hashPassword } from "./passwords";
import { signToken, verifyToken } from "./token";

/** auth-service's own table: one credential per email address. */
export const AUTH_MIGRATIONS: Migration[] = [
  `CREATE TABLE credentials (
     email TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     password_hash TEXT NOT NULL
   );`,
];

export interface AuthApi {
  /** `address` is where the shopper called from, for the per-address limit. */
  register(body: RegisterBody, address?: string): Promise<User>;
  login(body: LoginBody, address?: string): Promise<string>;
  /** The user id a token belongs to; a 401 when it is missing, forged or expired. */
  verify(token: string): Promise<string>;
}

export function createAuth(db: Database, users: UsersApi, secret: string, limits = new AttemptLimits()): AuthApi {
  db.migrate("auth", AUTH_MIGRATIONS);
  // An unknown email is checked against this stand-in hash, so its answer takes as long as a wrong password's.
  const decoy = hashPassword("a password nobody has");
  return {
    async register({ email, password, name }, address) {
      limits.check(email, address);
      try {
        const user = await users.create(email, name);
        const passwordHash = await hashPassword(password);
        db.run("INSERT INTO credentials (email, user_id, password_hash) VALUES (?, ?, ?) ON CONFLICT (email) DO UPDATE SET user_id = excluded.user_id, password_hash = excluded.password_hash", email, user.id, passwordHash);
        return user;
      } catch (error) {
        // "Already registered" tells whether an account exists: trying many counts like guessing.
        if (error instanceof HttpError && error.status === 409) limits.failed(email, address);
        throw error;
      }
    },
    async login({ email, password }, address) {
      limits.check(email, address);
      const credential = db.get<{ user_id: string; password_hash: string }>("SELECT user_id, password_hash FROM credentials WHERE email = ?", email);
      const matches = await checkPassword(password, credential?.password_hash ?? (await decoy));
      if (!credential || !matches) {
        limits.failed(email, address);
        throw unauthorized("the email or password is wrong");
      }
      return signToken(credential.user_id, secret);
    },
    async verify(token) {
      const userId = verifyToken(token, secret);
      if (!userId) throw unauthorized("the token is invalid or has expired: log in again");
      return userId;
    },
  };
}
