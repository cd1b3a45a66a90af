// End-to-end tests of the official realm-web SDK (exactly 2.0.1) against a running Atrium server.
//
// Run by atrium-server's RealmWebSdkTest, which starts a real server and sets:
//   ATRIUM_BASE_URL  the base URL given to realm-web (`new App({ id, baseUrl })`)
//   ATRIUM_APP_ID    the id of an app with the anonymous provider enabled
// By hand: `npm ci && ATRIUM_BASE_URL=http://127.0.0.1:PORT ATRIUM_APP_ID=... npm test`.
//
// How realm-web 2.0.1 keeps users in Node: its Node bundle sets
// `getEnvironment().defaultStorage = new MemoryStorage()` (a plain object in memory, one per
// process; it writes no file). Every App instance of the same app id shares it under the key
// prefix `app(<appId>):` (user ids, device id, and per user tokens, provider type, profile).
// `node --test` runs this file in its own process, so nothing survives a run; within the run,
// every test gives its App(s) a fresh MemoryStorage through the documented `storage` option, so
// no user (and no device id) leaks from one test into another. Tests that need two App instances
// to share state pass them the same storage on purpose.

import { test } from "node:test";
import assert from "node:assert/strict";
import { App, Credentials, MongoDBRealmError, getEnvironment } from "realm-web";

const BASE_URL = requiredEnv("ATRIUM_BASE_URL").replace(/\/+$/, "");
const APP_ID = requiredEnv("ATRIUM_APP_ID");
const CLIENT_PREFIX = "/api/client/v2.0";

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set (RealmWebSdkTest sets it)`);
  }
  return value;
}

// realm-web's own in-memory storage class, taken from the Node environment it installs.
const MemoryStorage = getEnvironment().defaultStorage.constructor;

function freshStorage() {
  return new MemoryStorage();
}

/** A transport that records every request realm-web sends, then sends it with Node's fetch. */
function recordingFetch() {
  const calls = [];
  const transport = (url, init = {}) => {
    const path = new URL(url).pathname;
    calls.push({ method: init.method ?? "GET", path, body: typeof init.body === "string" ? init.body : null });
    return fetch(url, init);
  };
  return { transport, calls };
}

/** A realm-web App on its own storage (unless one is given) pointed at the Atrium server. */
function newApp({ storage = freshStorage(), transport } = {}) {
  const config = { id: APP_ID, baseUrl: BASE_URL, storage };
  if (transport) {
    config.fetch = transport;
  }
  return new App(config);
}

/** The HOST from the location route (docs/client-api.md, Location); all raw requests go there, as realm-web's do. */
let hostPromise = null;
function host() {
  if (!hostPromise) {
    hostPromise = fetch(`${BASE_URL}${CLIENT_PREFIX}/app/${APP_ID}/location`)
      .then(async (res) => {
        assert.equal(res.status, 200, "location request");
        const body = await res.json();
        assert.equal(typeof body.hostname, "string", `location has a hostname: ${JSON.stringify(body)}`);
        return body.hostname.replace(/\/+$/, "");
      });
  }
  return hostPromise;
}

/** A raw client-API request, outside realm-web; returns status, content type and parsed JSON body. */
async function raw(method, path, bearer) {
  const headers = { Accept: "application/json" };
  if (bearer !== undefined) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  const res = await fetch(`${await host()}${CLIENT_PREFIX}${path}`, { method, headers });
  const contentType = res.headers.get("content-type");
  const text = await res.text();
  let json = null;
  if (text.length > 0 && contentType?.startsWith("application/json")) {
    json = JSON.parse(text);
  }
  return { status: res.status, contentType, text, json };
}

/** The JSON payload of a JWT (middle part, base64url), without verifying the signature (docs/client-api.md, Tokens). */
function jwtPayload(token) {
  assert.equal(typeof token, "string", "token is a string");
  const parts = token.split(".");
  assert.equal(parts.length, 3, `JWT has three parts: ${token}`);
  for (const part of parts) {
    assert.ok(part.length > 0, `JWT parts are non-empty: ${token}`);
  }
  return JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
}

function assertIntegerTimes(payload, what) {
  assert.ok(Number.isInteger(payload.iat), `${what} iat is an integer: ${JSON.stringify(payload)}`);
  assert.ok(Number.isInteger(payload.exp), `${what} exp is an integer: ${JSON.stringify(payload)}`);
  assert.ok(payload.exp > payload.iat, `${what} exp is after iat: ${JSON.stringify(payload)}`);
}

function assertInvalidSession(reply, what) {
  assert.equal(reply.status, 401, `${what}: status (body ${reply.text})`);
  assert.ok(reply.contentType?.startsWith("application/json"), `${what}: JSON error body, got ${reply.contentType}`);
  assert.equal(reply.json?.error_code, "InvalidSession", `${what}: error_code (body ${reply.text})`);
  assert.equal(typeof reply.json?.error, "string", `${what}: error text (body ${reply.text})`);
}

function loginCalls(calls) {
  return calls.filter((c) => c.method === "POST" && c.path.endsWith("/auth/providers/anon-user/login"));
}

test("realm-web 2.0.1 in Node keeps app state in an in-memory storage, which each test replaces", () => {
  const defaultStorage = getEnvironment().defaultStorage;
  assert.equal(defaultStorage.constructor.name, "MemoryStorage");
  const app = newApp();
  // App.storage is an AppStorage prefixed with the app id over the storage we passed, not the default one.
  assert.equal(app.storage.keyPart, `app(${APP_ID})`);
  assert.notEqual(app.storage.storage, defaultStorage);
  assert.deepEqual(app.allUsers, {}, "a fresh storage knows no user");
  assert.equal(app.currentUser, null);
});

test("location resolves the server's hostname, which realm-web then uses for every request", async () => {
  const app = newApp();
  const locationUrl = await app.locationUrl;
  assert.equal(locationUrl, await host());
  assert.match(locationUrl, /^https?:\/\/[^/]+$/, "hostname is scheme://host:port without a path");
});

test("anonymous login gives a logged-in anon-user with tokens and a fetched profile", async () => {
  const { transport, calls } = recordingFetch();
  const app = newApp({ transport });
  const user = await app.logIn(Credentials.anonymous());

  assert.equal(typeof user.id, "string");
  assert.ok(user.id.length > 0, "user id is non-empty");
  assert.equal(user.providerType, "anon-user");
  assert.equal(user.state, "active");
  assert.equal(user.isLoggedIn, true);
  assert.equal(app.currentUser, user);
  assert.deepEqual(Object.keys(app.allUsers), [user.id]);

  const access = jwtPayload(user.accessToken);
  assertIntegerTimes(access, "access token");
  assert.equal(access.sub, user.id, "access token sub is the user id");
  const refresh = jwtPayload(user.refreshToken);
  assertIntegerTimes(refresh, "refresh token");
  assert.notEqual(user.accessToken, user.refreshToken);

  // realm-web fetched the profile right after login (docs/client-api.md, Login and linking) and mapped it.
  assert.deepEqual(
    calls.map((c) => `${c.method} ${c.path}`),
    [
      `GET ${CLIENT_PREFIX}/app/${APP_ID}/location`,
      `POST ${CLIENT_PREFIX}/app/${APP_ID}/auth/providers/anon-user/login`,
      `GET ${CLIENT_PREFIX}/auth/profile`,
    ],
  );
  assert.equal(user.identities.length, 1);
  assert.equal(user.identities[0].providerType, "anon-user");
  assert.equal(typeof user.identities[0].id, "string");
  assert.deepEqual(user.profile, {}, "an anonymous user has empty profile data");
  assert.deepEqual(user.customData, {}, "no custom user data in the access token");

  // The same profile on the wire, as the server sends it (docs/client-api.md, User and session routes).
  const profile = await raw("GET", "/auth/profile", user.accessToken);
  assert.equal(profile.status, 200, profile.text);
  assert.equal(profile.json.user_id, user.id);
  assert.equal(profile.json.type, "normal");
  assert.equal(profile.json.identities.length, 1);
  assert.equal(profile.json.identities[0].provider_type, "anon-user");
  assert.deepEqual(profile.json.data, {});
});

test("a second anonymous login with reuse returns the same user without a new server login", async () => {
  const storage = freshStorage();
  const { transport, calls } = recordingFetch();
  const app = newApp({ storage, transport });
  const first = await app.logIn(Credentials.anonymous());
  const firstAccessToken = first.accessToken;

  const again = await app.logIn(Credentials.anonymous());
  assert.equal(again.id, first.id, "reuse returns the same user id");
  assert.equal(again, first, "reuse returns the same User object");
  assert.equal(again.accessToken, firstAccessToken, "no new login, so the same tokens");
  assert.equal(loginCalls(calls).length, 1, `only one login request was sent: ${JSON.stringify(calls)}`);
  // realm-web re-fetches the profile of the reused user (docs/client-api.md, Client behaviour).
  assert.equal(calls.filter((c) => c.path === `${CLIENT_PREFIX}/auth/profile`).length, 2);
  assert.equal(Object.keys(app.allUsers).length, 1);

  // Another App instance on the same storage hydrates and reuses that user too (docs/client-api.md, Client behaviour) ...
  const sibling = newApp({ storage });
  const hydrated = await sibling.logIn(Credentials.anonymous());
  assert.equal(hydrated.id, first.id, "an App on the same storage reuses the stored anonymous user");

  // ... while one on its own storage knows nothing of it and gets a new guest from the server.
  const stranger = await newApp().logIn(Credentials.anonymous());
  assert.notEqual(stranger.id, first.id, "separate storage, separate guest");
});

test("anonymous login without reuse always creates a new guest on the server", async () => {
  const { transport, calls } = recordingFetch();
  const app = newApp({ transport });
  const first = await app.logIn(Credentials.anonymous());
  // realm-web 2.0.1: Credentials.anonymous(reuse = true); passing false disables reuse.
  const noReuse = Credentials.anonymous(false);
  assert.equal(noReuse.reuse, false);
  assert.equal(noReuse.providerName, "anon-user");

  // After its first login realm-web stores the server's device id and sends it back as an EJSON
  // ObjectId on every later login (docs/client-api.md, Login and linking); the server must accept that form.
  const deviceId = app.storage.getDeviceId();
  assert.match(String(deviceId), /^[0-9a-f]{24}$/, "the login's device_id was stored");
  assert.notEqual(deviceId, "000000000000000000000000");

  const second = await app.logIn(noReuse);
  const secondLogin = loginCalls(calls)[1];
  assert.deepEqual(JSON.parse(secondLogin.body).options.device.deviceId, { $oid: deviceId });
  assert.notEqual(second.id, first.id, "reuse off gives a different user");
  assert.equal(second.providerType, "anon-user");
  assert.equal(second.identities.length, 1);
  assert.equal(second.identities[0].providerType, "anon-user");
  assert.equal(loginCalls(calls).length, 2);
  assert.equal(app.currentUser, second, "the new guest is the current user");
  assert.deepEqual(new Set(Object.keys(app.allUsers)), new Set([first.id, second.id]));

  // Both guests keep working sessions.
  await first.refreshProfile();
  await second.refreshProfile();
  assert.equal(first.state, "active");
  assert.equal(second.state, "active");
});

test("refreshProfile fetches the profile again with the access token", async () => {
  const { transport, calls } = recordingFetch();
  const app = newApp({ transport });
  const user = await app.logIn(Credentials.anonymous());
  const before = calls.length;

  await user.refreshProfile();

  const sent = calls.slice(before);
  assert.deepEqual(sent.map((c) => `${c.method} ${c.path}`), [`GET ${CLIENT_PREFIX}/auth/profile`]);
  assert.equal(user.identities.length, 1);
  assert.equal(user.identities[0].providerType, "anon-user");
  assert.deepEqual(user.profile, {});
  assert.equal(user.state, "active");
});

test("refreshAccessToken gets a different, valid access token for the same user", async () => {
  const app = newApp();
  const user = await app.logIn(Credentials.anonymous());
  const oldAccessToken = user.accessToken;
  const oldRefreshToken = user.refreshToken;
  const oldPayload = jwtPayload(oldAccessToken);

  // Make sure the new token's iat can differ from the old one even at second resolution.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await user.refreshAccessToken();

  const newAccessToken = user.accessToken;
  assert.notEqual(newAccessToken, oldAccessToken, "a new access token");
  assert.equal(user.refreshToken, oldRefreshToken, "the refresh token is kept (no rotation)");
  const payload = jwtPayload(newAccessToken);
  assertIntegerTimes(payload, "refreshed access token");
  assert.equal(payload.sub, user.id, "sub is the user id");
  assert.equal(payload.is_anonymous, true, "is_anonymous claim");
  assert.ok(payload.iat >= oldPayload.iat, "issued no earlier than the first token");
  assert.deepEqual(user.customData, {}, "realm-web decodes the refreshed token");

  const profile = await raw("GET", "/auth/profile", newAccessToken);
  assert.equal(profile.status, 200, `the refreshed token is accepted: ${profile.text}`);
  assert.equal(profile.json.user_id, user.id);
});

test("logOut ends the session: the old refresh token is refused with 401 InvalidSession", async () => {
  const app = newApp();
  const user = await app.logIn(Credentials.anonymous());
  const oldAccessToken = user.accessToken;
  const oldRefreshToken = user.refreshToken;

  await user.logOut();

  assert.equal(user.accessToken, null);
  assert.equal(user.refreshToken, null);
  assert.equal(user.state, "logged-out", "realm-web keeps a logged-out user until removeUser");
  assert.equal(app.currentUser, null);

  const refresh = await raw("POST", "/auth/session", oldRefreshToken);
  assertInvalidSession(refresh, "refresh with the logged-out refresh token");

  // A second logout with the same token is what realm-web's removeUser/deleteUser may send; it
  // tolerates only an error whose text contains "failed to find refresh token" (docs/client-api.md, Client behaviour).
  const secondLogout = await raw("DELETE", "/auth/session", oldRefreshToken);
  assertInvalidSession(secondLogout, "second logout");
  assert.match(secondLogout.json.error, /failed to find refresh token/);

  // The guest is gone from the server with its session (docs/architecture.md, The product's rules), so its access token is refused too.
  const profile = await raw("GET", "/auth/profile", oldAccessToken);
  assertInvalidSession(profile, "profile of a logged-out guest");
});

test("after logOut and removeUser a new anonymous login creates a new guest", async () => {
  const { transport, calls } = recordingFetch();
  const app = newApp({ transport });
  const user = await app.logIn(Credentials.anonymous());
  await user.logOut();
  await app.removeUser(user);
  assert.equal(user.state, "removed");
  assert.deepEqual(app.allUsers, {});

  const next = await app.logIn(Credentials.anonymous());
  assert.notEqual(next.id, user.id, "a new guest after logout");
  assert.equal(next.state, "active");
  assert.equal(next.identities[0].providerType, "anon-user");
  assert.equal(loginCalls(calls).length, 2);
  // realm-web sent exactly one logout: removeUser sends none for an already logged-out user.
  const logouts = calls.filter((c) => c.method === "DELETE" && c.path === `${CLIENT_PREFIX}/auth/session`);
  assert.equal(logouts.length, 1);
});

test("after logOut without removeUser, realm-web reuses the logged-out guest and the server refuses it", async () => {
  // realm-web 2.0.1 quirk (docs/client-api.md, Client behaviour): reuse picks any known anon-user user, even a logged-out one.
  // Its profile request carries "Bearer null"; the server must answer 401 InvalidSession, then
  // realm-web's refresh (also "Bearer null") gets 401 too and the login fails instead of looping.
  const app = newApp();
  const user = await app.logIn(Credentials.anonymous());
  await user.logOut();

  await assert.rejects(app.logIn(Credentials.anonymous()), (err) => {
    assert.ok(err instanceof MongoDBRealmError, `a server error, got ${err}`);
    assert.equal(err.statusCode, 401);
    assert.equal(err.errorCode, "InvalidSession");
    return true;
  });
  assert.equal(user.state, "logged-out");

  // Disabling reuse still gets a fresh guest from the same App.
  const next = await app.logIn(Credentials.anonymous(false));
  assert.notEqual(next.id, user.id);
  assert.equal(next.state, "active");
});

test("deleteUser deletes the user on the server; its old tokens are refused with 401", async () => {
  const { transport, calls } = recordingFetch();
  const app = newApp({ transport });
  const user = await app.logIn(Credentials.anonymous());
  const oldAccessToken = user.accessToken;
  const oldRefreshToken = user.refreshToken;
  const before = calls.length;

  await app.deleteUser(user);

  // realm-web sends DELETE auth/delete, then removeUser's logout with the dead refresh token,
  // which the server must answer with 2xx or 401 "failed to find refresh token" (docs/client-api.md, Client behaviour).
  assert.deepEqual(
    calls.slice(before).map((c) => `${c.method} ${c.path}`),
    [`DELETE ${CLIENT_PREFIX}/auth/delete`, `DELETE ${CLIENT_PREFIX}/auth/session`],
  );
  assert.equal(user.state, "removed");
  assert.equal(user.accessToken, null);
  assert.equal(user.refreshToken, null);
  assert.deepEqual(app.allUsers, {});
  assert.equal(app.currentUser, null);

  const profile = await raw("GET", "/auth/profile", oldAccessToken);
  assertInvalidSession(profile, "profile of a deleted user");
  const refresh = await raw("POST", "/auth/session", oldRefreshToken);
  assertInvalidSession(refresh, "refresh of a deleted user");

  // A new anonymous login afterwards is a new guest.
  const next = await app.logIn(Credentials.anonymous());
  assert.notEqual(next.id, user.id);
});
