"use client";
// Register or log in as a shopper, or, once logged in, who I am and a way out.
import { useEffect, useState, type FormEvent } from "react";
import { useStore } from "zustand";
import { login, logout, register, shopperStore } from "../../lib/client/stores/shopper-store";
import { focusShopMessage } from "../../lib/client/focus";
import { shopperEmail } from "../../lib/client/shopper-email";
import { useHydrated } from "../../lib/client/hydrated";

export function ShopperAccount() {
  const session = useStore(shopperStore, (view) => view.session);
  const busy = useStore(shopperStore, (view) => view.busy !== null);
  const hydrated = useHydrated();
  const [email, setEmail] = useState("");
  // Read after mounting: the server's page cannot know this browser's address.
  useEffect(() => setEmail((typed) => typed || shopperEmail(window.localStorage)), []);
  const [password, setPassword] = useState("correct horse");
  const [name, setName] = useState("Ada");

  if (session) {
    return (
      <div className="account" data-logged-in={session.email}>
        <span>
          Logged in as <strong>{session.email}</strong>
        </span>{" "}
        <button
          type="button"
          className="link"
          onClick={() => {
            logout();
            focusShopMessage();
          }}
        >
          log out
        </button>
      </div>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const action = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    // The form is replaced once logged in and its buttons are disabled meanwhile: focus goes to the line that tells the outcome.
    focusShopMessage();
    void (action === "register" ? register(email, password, name) : login(email, password)).then(focusShopMessage);
  };
  return (
    <form onSubmit={submit} aria-label="register or log in">
      <fieldset className="account-form" disabled={!hydrated}>
        <label>
          email <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} required autoComplete="username" />
        </label>
        <label>
          password <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} required autoComplete="current-password" />
        </label>
        <label>
          name <input value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" />
        </label>
        <div className="buttons">
          <button type="submit" name="action" value="register" disabled={busy}>
            Register
          </button>
          <button type="submit" name="action" value="login" disabled={busy}>
            Log in
          </button>
        </div>
      </fieldset>
    </form>
  );
}
