// Who is reading: the realm-web side of the example. realm-web's browser bundle
// (node_modules/realm-web/dist/bundle.iife.js, loaded by index.html) defines the global `Realm`.
//
// realm-web keeps its users in localStorage (keys `realm-web:app(<id>):…`): after a reload
// `app.currentUser` is the same user, tokens and all, and this page only refreshes its profile.

import { keepWithPasskey, signInWithPasskey } from "./passkey.js";

const { App, Credentials, MongoDBRealmError } = globalThis.Realm;

/** What the page shows of a user: its id, whether Atrium calls it anonymous, its identities. */
export function describe(user) {
  const claims = accessTokenClaims(user.accessToken);
  return {
    id: user.id,
    anonymous: claims.is_anonymous === true,
    email: user.profile?.email ?? null,
    providers: (user.identities ?? []).map((identity) => identity.providerType),
  };
}

/** The payload of a JWT (the access token is the server's word on `is_anonymous`). */
function accessTokenClaims(token) {
  const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  return JSON.parse(atob(payload));
}

/** A session was refused because the user or its session no longer exists on the server. */
function sessionGone(error) {
  return error instanceof MongoDBRealmError && error.statusCode === 401;
}

export class Reader {
  constructor({ baseUrl, appId }) {
    this.app = new App({ id: appId, baseUrl });
    this.settings = { baseUrl, appId };
  }

  get user() {
    return this.app.currentUser;
  }

  /**
   * The reader of this browser: the user realm-web restored from localStorage, its profile
   * refreshed, or else a new guest. A restored guest that the server no longer knows (logged out
   * elsewhere, deleted by the sweeper) is dropped and replaced by a new guest.
   */
  async start() {
    const restored = this.app.currentUser;
    if (restored) {
      try {
        await restored.refreshProfile();
        return { user: restored, restored: true };
      } catch (error) {
        if (!sessionGone(error)) throw error;
        await this.app.removeUser(restored).catch(() => {});
      }
    }
    return { user: await this.app.logIn(Credentials.anonymous()), restored: false };
  }

  /**
   * Registers an e-mail and password and links them to the current user: same id, no longer
   * anonymous. Needs local-userpass with automatic confirmation (the user cannot log in with an
   * e-mail that waits for confirmation).
   */
  async register(email, password) {
    await this.app.emailPasswordAuth.registerUser({ email, password });
    await this.user.linkCredentials(Credentials.emailPassword(email, password));
  }

  /** Signs in to an existing account; the guest that was reading is logged out (and so deleted). */
  async signIn(email, password) {
    return this.replacingGuest(() => this.app.logIn(Credentials.emailPassword(email, password)));
  }

  /** Keeps the current guest with a passkey (passkey.js): same id, no longer anonymous. */
  async keepWithPasskey() {
    return keepWithPasskey(this.settings, this.user);
  }

  /** Signs in with a passkey; the guest that was reading is logged out (and so deleted). */
  async signInWithPasskey() {
    return this.replacingGuest(() => signInWithPasskey(this.settings, this.app));
  }

  async replacingGuest(logIn) {
    const guest = this.user;
    const user = await logIn();
    if (guest && guest.id !== user.id && describe(guest).anonymous) await this.app.removeUser(guest);
    return { user, previous: guest };
  }

  /**
   * Logs the current user out and forgets it on this browser; Atrium deletes a guest on logout.
   * Then a new guest takes its place, as on a first visit.
   */
  async logOut() {
    const leaving = this.user;
    if (leaving) await this.app.removeUser(leaving);
    return { user: await this.app.logIn(Credentials.anonymous()), previous: leaving };
  }
}
