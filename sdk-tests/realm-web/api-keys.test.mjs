// End-to-end tests of realm-web 2.0.1's user API keys (`user.apiKeys`, docs/client-api.md, User and session routes) and API-key login
// (docs/client-api.md, Login and linking), against a running Atrium server, on a guest linked to email/password. Run by
// RealmWebLinkingSdkTest; the environment is described in support.mjs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { Credentials } from "realm-web";
import { CLIENT_PREFIX, linkedGuest, logInFresh, providerTypes, rejectsWith } from "./support.mjs";

/** An API-key login of a deleted, disabled or unknown key: 401 AuthError (docs/client-api.md, Errors). */
const KEY_REFUSED = { statusCode: 401, errorCode: "AuthError" };

test("apiKeys.create returns the key's secret once; fetch and fetchAll show the key without it", async () => {
  const { guest, calls } = await linkedGuest("keys");
  const before = calls.length;

  const created = await guest.apiKeys.create("laptop");

  assert.match(created._id, /^[0-9a-f]{24}$/, `_id is a plain 24-hex string: ${JSON.stringify(created)}`);
  assert.equal(typeof created.key, "string");
  assert.ok(created.key.length > 0);
  assert.equal(created.name, "laptop");
  assert.equal(created.disabled, false);
  const view = { _id: created._id, name: "laptop", disabled: false };
  assert.deepEqual(await guest.apiKeys.fetch(created._id), view);
  assert.deepEqual(await guest.apiKeys.fetchAll(), [view]);

  // realm-web sends the key routes with the refresh token (docs/client-api.md, User and session routes).
  const sent = calls.slice(before);
  assert.deepEqual(sent.map((c) => `${c.method} ${c.path}`), [
    `POST ${CLIENT_PREFIX}/auth/api_keys`,
    `GET ${CLIENT_PREFIX}/auth/api_keys/${created._id}`,
    `GET ${CLIENT_PREFIX}/auth/api_keys`,
  ]);
  for (const call of sent) {
    assert.equal(call.authorization, `Bearer ${guest.refreshToken}`);
  }
});

test("logging in with an API key from a fresh App returns the key owner's user id", async () => {
  const { guest } = await linkedGuest("key-login");
  const { key } = await guest.apiKeys.create("server");

  const user = await logInFresh(Credentials.apiKey(key));

  assert.equal(user.id, guest.id);
  assert.equal(user.providerType, "api-key");
  assert.equal(user.state, "active");
  assert.deepEqual(providerTypes(user).slice(0, 2), ["anon-user", "local-userpass"], "the owner's profile");
  await user.refreshAccessToken();
  assert.equal(user.state, "active", "the key's session refreshes like any other");
});

test("a disabled API key is refused at login until it is enabled again", async () => {
  const { guest } = await linkedGuest("key-disable");
  const { _id, key } = await guest.apiKeys.create("ci");

  await guest.apiKeys.disable(_id);
  assert.equal((await guest.apiKeys.fetch(_id)).disabled, true);
  assert.deepEqual((await guest.apiKeys.fetchAll()).map((k) => k.disabled), [true]);
  await rejectsWith(logInFresh(Credentials.apiKey(key)), KEY_REFUSED);

  await guest.apiKeys.enable(_id);
  assert.equal((await guest.apiKeys.fetch(_id)).disabled, false);
  const user = await logInFresh(Credentials.apiKey(key));
  assert.equal(user.id, guest.id);
});

test("a deleted API key disappears from the list and can no longer log in", async () => {
  const { guest } = await linkedGuest("key-delete");
  const kept = await guest.apiKeys.create("kept");
  const gone = await guest.apiKeys.create("gone");

  await guest.apiKeys.delete(gone._id);

  assert.deepEqual(await guest.apiKeys.fetchAll(), [{ _id: kept._id, name: "kept", disabled: false }]);
  await rejectsWith(guest.apiKeys.fetch(gone._id), { statusCode: 404, errorCode: "APIKeyNotFound" });
  await rejectsWith(logInFresh(Credentials.apiKey(gone.key)), KEY_REFUSED);
  assert.equal((await logInFresh(Credentials.apiKey(kept.key))).id, guest.id, "the other key still logs in");
  assert.equal(guest.state, "active", "a 404 on a key route leaves the user's tokens alone");
});
