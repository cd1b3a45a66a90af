// End-to-end tests of realm-web 2.0.1 linking a guest to lasting email/password credentials
// (docs/client-api.md, Login and linking; User and session routes; Client behaviour), against a running Atrium server. Run by RealmWebLinkingSdkTest; the
// environment and the per-test storage are described in support.mjs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { Credentials } from "realm-web";
import {
  APP_ID, BASE_URL, CLIENT_PREFIX, PASSWORD, jwtPayload, linkedGuest, logInFresh, newApp, providerTypes, raw,
  recordingFetch, registerConfirmed, rejectsWith, uniqueEmail,
} from "./support.mjs";

const LINK_PATH = `${CLIENT_PREFIX}/app/${APP_ID}/auth/providers/local-userpass/login`;

test("linkCredentials keeps the guest's user id and appends local-userpass after anon-user", async () => {
  const { transport, calls } = recordingFetch();
  const app = newApp({ transport });
  const guest = await app.logIn(Credentials.anonymous());
  const guestAccessToken = guest.accessToken;
  const guestRefreshToken = guest.refreshToken;
  const email = uniqueEmail("link");
  await registerConfirmed(email, PASSWORD, app);
  // realm-web 2.0.1 sends the current user's access token on the email/password routes too
  // (unlike docs/client-api.md, Conventions's "no Authorization"); the server ignores it there.
  const register = calls.find((c) => c.path.endsWith("/local-userpass/register"));
  assert.equal(register.authorization, `Bearer ${guestAccessToken}`);
  const before = calls.length;

  await guest.linkCredentials(Credentials.emailPassword(email, PASSWORD));

  // One link request carrying the guest's access token, then the profile fetch (docs/client-api.md, Login and linking).
  const sent = calls.slice(before);
  assert.deepEqual(sent.map((c) => `${c.method} ${c.path}${c.search}`),
    [`POST ${LINK_PATH}?link=true`, `GET ${CLIENT_PREFIX}/auth/profile`]);
  assert.equal(sent[0].authorization, `Bearer ${guestAccessToken}`);
  assert.equal(sent[0].body.username, email);

  assert.equal(app.currentUser, guest);
  assert.deepEqual(providerTypes(guest), ["anon-user", "local-userpass"]);
  assert.equal(guest.profile.email, email, "the profile data carries the linked e-mail");
  assert.equal(guest.refreshToken, guestRefreshToken, "linking keeps the session's refresh token");
  assert.notEqual(guest.accessToken, guestAccessToken, "linking returns a new access token");
  const linkedAccess = jwtPayload(guest.accessToken);
  assert.equal(linkedAccess.sub, guest.id);
  assert.equal(linkedAccess.is_anonymous, false, "the token from the link says the user is no longer anonymous");

  // A refreshed access token says so too, and the profile on the wire lists both identities in order.
  await guest.refreshAccessToken();
  assert.equal(jwtPayload(guest.accessToken).is_anonymous, false, "a fresh access token: is_anonymous false");
  const profile = await raw("GET", "/auth/profile", guest.accessToken);
  assert.equal(profile.status, 200, profile.text);
  assert.equal(profile.json.user_id, guest.id);
  assert.deepEqual(profile.json.identities.map((i) => i.provider_type), ["anon-user", "local-userpass"]);
  assert.equal(profile.json.data.email, email);
});

test("a login from a fresh App with the linked credentials returns the guest's user id and both identities", async () => {
  const { guest, email, password } = await linkedGuest();

  const user = await logInFresh(Credentials.emailPassword(email, password));

  assert.equal(user.id, guest.id);
  assert.equal(user.providerType, "local-userpass");
  assert.deepEqual(providerTypes(user), ["anon-user", "local-userpass"]);
  assert.equal(user.profile.email, email);
  assert.equal(jwtPayload(user.accessToken).is_anonymous, false);
});

test("logging the linked user out keeps it on the server: its password logs in again to the same user", async () => {
  const { app, guest, email, password } = await linkedGuest("logout");
  const oldRefreshToken = guest.refreshToken;

  await guest.logOut();

  assert.equal(guest.state, "logged-out");
  const refresh = await raw("POST", "/auth/session", oldRefreshToken);
  assert.equal(refresh.status, 401, `the logged-out session is over: ${refresh.text}`);
  assert.equal(refresh.json?.error_code, "InvalidSession");

  // Unlike a guest (deleted with its session, docs/architecture.md, The product's rules), the linked user is still there.
  const again = await app.logIn(Credentials.emailPassword(email, password));
  assert.equal(again.id, guest.id);
  assert.equal(again, guest, "realm-web revives the same User object");
  assert.equal(again.state, "active");
  assert.deepEqual(providerTypes(again), ["anon-user", "local-userpass"]);
});

/** Links `credentials` to `user` and asserts one 409 LinkRefused answer, no retry, in a few seconds (github.com/realm/realm-js/issues/6586). */
async function assertLinkRefusedOnce(user, calls, credentials) {
  const before = calls.length;
  const started = Date.now();
  await rejectsWith(user.linkCredentials(credentials), { statusCode: 409, errorCode: "LinkRefused" });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 5000, `the refusal came within a few seconds, took ${elapsed} ms`);
  const sent = calls.slice(before).map((c) => `${c.method} ${c.path}${c.search}`);
  assert.equal(sent.length, 1, `exactly one request: the link, not retried, no token refresh: ${sent}`);
  assert.match(sent[0], /\/login\?link=true$/);
  assert.equal(user.state, "active", "a refused link leaves the user logged in");
}

async function newGuest() {
  const { transport, calls } = recordingFetch();
  const guest = await newApp({ transport }).logIn(Credentials.anonymous());
  return { guest, calls };
}

test("linking credentials that belong to another user is refused at once with 409 LinkRefused", async () => {
  const owner = await linkedGuest("owner");
  const { guest, calls } = await newGuest();

  await assertLinkRefusedOnce(guest, calls, Credentials.emailPassword(owner.email, owner.password));

  await guest.refreshProfile();
  assert.deepEqual(providerTypes(guest), ["anon-user"], "the refused guest is unchanged");
  await guest.refreshAccessToken();
  assert.equal(jwtPayload(guest.accessToken).is_anonymous, true, "and still anonymous");
  const ownerAgain = await logInFresh(Credentials.emailPassword(owner.email, owner.password));
  assert.equal(ownerAgain.id, owner.guest.id, "the credentials still log in to their owner");
});

test("a guest refused for another user's e-mail sees realm-web's 409 unchanged; the merge ticket beside it merges it into that user", async () => {
  const owner = await linkedGuest("merge-owner");
  const { transport, calls } = recordingFetch();
  const refusals = [];
  // What an app does to read the ticket: realm-web takes a fetch, and the 409's body is JSON with one more field.
  const reading = async (url, init) => {
    const res = await transport(url, init);
    if (new URL(url).search === "?link=true" && res.status === 409) refusals.push(await res.clone().json());
    return res;
  };
  const app = newApp({ transport: reading });
  const guest = await app.logIn(Credentials.anonymous());
  const guestId = guest.id;
  const before = calls.length;

  await rejectsWith(guest.linkCredentials(Credentials.emailPassword(owner.email, owner.password)),
    { statusCode: 409, errorCode: "LinkRefused", error: "link refused: this local-userpass identity already belongs to another user" });

  assert.equal(calls.length - before, 1, "one request, not retried");
  assert.equal(guest.state, "active", "realm-web keeps the guest logged in, as for any refused link");
  assert.equal(refusals.length, 1);
  assert.deepEqual(Object.keys(refusals[0]), ["error", "error_code", "link", "merge_ticket"]);
  assert.equal(typeof refusals[0].merge_ticket, "string");

  // The person says "yes, that is my account": the app merges with the guest's access token.
  const location = await (await fetch(`${BASE_URL}${CLIENT_PREFIX}/app/${APP_ID}/location`)).json();
  const res = await fetch(`${location.hostname}${CLIENT_PREFIX}/app/${APP_ID}/auth/merge`, {
    method: "POST",
    headers: { Authorization: `Bearer ${guest.accessToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ merge_ticket: refusals[0].merge_ticket }),
  });
  const merged = await res.json();
  assert.equal(res.status, 200, JSON.stringify(merged));
  assert.equal(merged.user_id, owner.guest.id, "the tokens are the e-mail's user's");
  assert.equal(jwtPayload(merged.access_token).baas_device_id, guest.deviceId, "on this device");
  const profile = await raw("GET", "/auth/profile", merged.access_token);
  assert.deepEqual(profile.json.identities.map((i) => i.provider_type), ["anon-user", "local-userpass"]);

  // The guest is gone with its session: realm-web logs it out without complaint.
  const guestRefreshToken = guest.refreshToken;
  await guest.logOut();
  assert.equal((await raw("POST", "/auth/session", guestRefreshToken)).status, 401);
  assert.equal((await raw("GET", "/auth/profile", merged.access_token)).json.user_id, owner.guest.id);
  assert.notEqual(guestId, owner.guest.id);
});

test("linking with a wrong password is refused with 409 LinkRefused, not a 401 that realm-web would retry", async () => {
  const email = uniqueEmail("wrong-link");
  await registerConfirmed(email);
  const { guest, calls } = await newGuest();

  await assertLinkRefusedOnce(guest, calls, Credentials.emailPassword(email, "not the password"));
  await guest.refreshProfile();
  assert.deepEqual(providerTypes(guest), ["anon-user"]);
});

test("linking a second email/password identity to an already linked user is refused with 409 LinkRefused", async () => {
  const { guest, calls } = await linkedGuest("first");
  const second = uniqueEmail("second");
  await registerConfirmed(second);

  await assertLinkRefusedOnce(guest, calls, Credentials.emailPassword(second, PASSWORD));
  await guest.refreshProfile();
  assert.deepEqual(providerTypes(guest), ["anon-user", "local-userpass"]);
  const secondUser = await logInFresh(Credentials.emailPassword(second, PASSWORD));
  assert.notEqual(secondUser.id, guest.id, "the second e-mail stays its own user");
});
