// Shared helpers of the realm-web scenarios for the lasting identities (linking, email/password,
// API keys). Not a test file: `node --test` runs only the files it is given.
//
// Environment (set by RealmWebLinkingSdkTest, which starts a real server and a webhook receiver):
//   ATRIUM_BASE_URL          the base URL given to realm-web (`new App({ id, baseUrl })`)
//   ATRIUM_APP_ID            an app with anon-user, api-key and local-userpass enabled, the latter
//                            with confirmation and reset in `webhook` mode
//   ATRIUM_WEBHOOK_RECEIVER  the receiver of those webhooks; `GET /last?email=…&type=…` returns the
//                            latest payload ({type, app_id, email, username, token, tokenId, …})
//
// Like anonymous.test.mjs, every App gets a fresh realm-web MemoryStorage, so nothing leaks between
// tests; every test registers its own unique e-mail addresses.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { App, Credentials, MongoDBRealmError, getEnvironment } from "realm-web";

export const BASE_URL = requiredEnv("ATRIUM_BASE_URL").replace(/\/+$/, "");
export const APP_ID = requiredEnv("ATRIUM_APP_ID");
export const RECEIVER = requiredEnv("ATRIUM_WEBHOOK_RECEIVER").replace(/\/+$/, "");
export const CLIENT_PREFIX = "/api/client/v2.0";
export const PASSWORD = "correct horse battery";

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set (RealmWebLinkingSdkTest sets it)`);
  }
  return value;
}

const MemoryStorage = getEnvironment().defaultStorage.constructor;

/**
 * A transport that records every request realm-web sends (method, path, query, Authorization,
 * body), then sends it with Node's fetch. A link request (`?link=true`) beyond the first
 * `maxLinks` throws instead of being sent: a client stuck in a retry loop fails fast.
 */
export function recordingFetch({ maxLinks = 3 } = {}) {
  const calls = [];
  const transport = (url, init = {}) => {
    const { pathname, search } = new URL(url);
    const call = {
      method: init.method ?? "GET",
      path: pathname,
      search,
      authorization: init.headers?.Authorization ?? null,
      body: typeof init.body === "string" ? JSON.parse(init.body) : null,
    };
    calls.push(call);
    if (search === "?link=true" && calls.filter((c) => c.search === "?link=true").length > maxLinks) {
      return Promise.reject(new Error(`realm-web sent link request #${maxLinks + 1}: it is retrying the link`));
    }
    return fetch(url, init);
  };
  return { transport, calls };
}

/** A realm-web App on a fresh storage pointed at the Atrium server. */
export function newApp({ transport } = {}) {
  const config = { id: APP_ID, baseUrl: BASE_URL, storage: new MemoryStorage() };
  if (transport) {
    config.fetch = transport;
  }
  return new App(config);
}

/** A new e-mail address nobody has registered. */
export function uniqueEmail(tag) {
  return `${tag}-${randomUUID()}@example.com`;
}

/**
 * The latest webhook payload of `type` (confirm, reset, reset_function) the server sent for `email`,
 * waiting for it: token requests deliver after answering. With `previous` (a payload received
 * before), waits for a newer one (another tokenId).
 */
export async function delivered(type, email, previous = undefined) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await fetch(`${RECEIVER}/last?${new URLSearchParams({ email, type })}`);
    const body = await res.json();
    if (res.status === 200 && (previous === undefined || body.tokenId !== previous.tokenId)) {
      assert.equal(typeof body.token, "string", `${type} payload has a token: ${JSON.stringify(body)}`);
      assert.equal(typeof body.tokenId, "string", `${type} payload has a tokenId: ${JSON.stringify(body)}`);
      return body;
    }
    assert.ok(Date.now() < deadline, `a new ${type} webhook was delivered for ${email}: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Registers `email` through realm-web and confirms it with the token the webhook received. */
export async function registerConfirmed(email, password = PASSWORD, app = newApp()) {
  await app.emailPasswordAuth.registerUser({ email, password });
  const { token, tokenId } = await delivered("confirm", email);
  await app.emailPasswordAuth.confirmUser({ token, tokenId });
}

/** A guest (anon-user login) linked to freshly registered and confirmed email/password credentials. */
export async function linkedGuest(tag = "linked") {
  const { transport, calls } = recordingFetch();
  const app = newApp({ transport });
  const guest = await app.logIn(Credentials.anonymous());
  const email = uniqueEmail(tag);
  await registerConfirmed(email, PASSWORD, app);
  await guest.linkCredentials(Credentials.emailPassword(email, PASSWORD));
  return { app, calls, guest, email, password: PASSWORD };
}

/** Logs in with `credentials` from a fresh App (its own storage: no user known before). */
export function logInFresh(credentials) {
  return newApp().logIn(credentials);
}

/** Asserts that `promise` rejects with the server's error `{statusCode, errorCode[, error]}` as realm-web reports it. */
export async function rejectsWith(promise, { statusCode, errorCode, error }) {
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof MongoDBRealmError, `a server error (MongoDBRealmError), got ${err?.stack ?? err}`);
    assert.equal(err.errorCode, errorCode, `error_code of ${err.message}`);
    assert.equal(err.statusCode, statusCode, `HTTP status of ${err.message}`);
    if (error !== undefined) {
      assert.equal(err.error, error, `error text of ${err.message}`);
    }
    return true;
  });
}

/** The JSON payload of a JWT (middle part, base64url), without verifying the signature (docs/client-api.md, Tokens). */
export function jwtPayload(token) {
  assert.equal(typeof token, "string", "token is a string");
  const parts = token.split(".");
  assert.equal(parts.length, 3, `JWT has three parts: ${token}`);
  return JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
}

/** A raw client-API request with a bearer token, outside realm-web; returns status and parsed JSON body. */
export async function raw(method, path, bearer) {
  const location = await (await fetch(`${BASE_URL}${CLIENT_PREFIX}/app/${APP_ID}/location`)).json();
  const res = await fetch(`${location.hostname.replace(/\/+$/, "")}${CLIENT_PREFIX}${path}`, {
    method,
    headers: { Accept: "application/json", Authorization: `Bearer ${bearer}` },
  });
  const text = await res.text();
  return { status: res.status, text, json: res.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(text) : null };
}

/** The provider types of a realm-web user's identities, in order. */
export function providerTypes(user) {
  return user.identities.map((i) => i.providerType);
}
