// End-to-end tests of realm-web 2.0.1 with the external-identity providers (Sign in with Apple,
// Google by ID token and by auth code, Facebook, custom function) against a running Atrium server
// whose providers point at an in-process identity-provider stub. Run by
// RealmWebExternalProvidersSdkTest, which sets:
//   ATRIUM_BASE_URL, ATRIUM_APP_ID  the server and an app with the five flows enabled
//   ATRIUM_IDP_STUB                 the stub; its /test/ routes hand out tokens signed with its test keys
// For each flow: a login creates a user; a guest links the credentials and keeps its id; a login
// from a fresh App with new credentials of the same person returns the guest's id.

import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { App, Credentials, MongoDBRealmError, getEnvironment } from "realm-web";

const BASE_URL = requiredEnv("ATRIUM_BASE_URL").replace(/\/+$/, "");
const APP_ID = requiredEnv("ATRIUM_APP_ID");
const STUB = requiredEnv("ATRIUM_IDP_STUB").replace(/\/+$/, "");
const MemoryStorage = getEnvironment().defaultStorage.constructor;

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set (RealmWebExternalProvidersSdkTest sets it)`);
  }
  return value;
}

/** A realm-web App on a fresh storage: no user known before. */
function newApp() {
  return new App({ id: APP_ID, baseUrl: BASE_URL, storage: new MemoryStorage() });
}

/** Asks the stub for a token (`route` under /test/), as the person's device would get one from the IdP. */
async function issued(route, person) {
  const res = await fetch(`${STUB}/test/${route}`, { method: "POST", body: JSON.stringify(person) });
  assert.equal(res.status, 200, `the stub issued ${route}`);
  return res.json();
}

function jwtPayload(token) {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
}

/** The five token flows: the provider type and how to get fresh credentials of a person. */
const FLOWS = [
  { name: "Credentials.apple(idToken)", type: "oauth2-apple",
    credentials: async (p) => Credentials.apple((await issued("apple/id-token", p)).id_token) },
  { name: "Credentials.google({ idToken })", type: "oauth2-google",
    credentials: async (p) => Credentials.google({ idToken: (await issued("google/id-token", p)).id_token }) },
  { name: "Credentials.google({ authCode })", type: "oauth2-google",
    credentials: async (p) => Credentials.google({ authCode: (await issued("google/auth-code", p)).code }) },
  { name: "Credentials.facebook(accessToken)", type: "oauth2-facebook",
    credentials: async (p) => Credentials.facebook((await issued("facebook/access-token", { id: p.sub, ...p })).access_token) },
  { name: "Credentials.function(payload)", type: "custom-function",
    credentials: async (p) => Credentials.function({ username: p.sub }) },
];

function person(tag) {
  const sub = `${tag}-${randomUUID()}`;
  return { sub, email: `${sub}@example.com`, name: `Person ${tag}` };
}

for (const flow of FLOWS) {
  test(`${flow.name}: a login creates a user with one ${flow.type} identity, and logs in to it again`, async () => {
    const p = person("login");

    const user = await newApp().logIn(await flow.credentials(p));
    const again = await newApp().logIn(await flow.credentials(p));

    assert.equal(user.providerType, flow.type);
    assert.deepEqual(user.identities.map((i) => i.providerType), [flow.type]);
    assert.equal(jwtPayload(user.accessToken).is_anonymous, false);
    assert.equal(again.id, user.id, "the same person logs in to the same user");
  });

  test(`${flow.name}: a guest links the credentials keeping its id; later logins return the guest`, async () => {
    const app = newApp();
    const guest = await app.logIn(Credentials.anonymous());
    const p = person("link");

    await guest.linkCredentials(await flow.credentials(p));

    assert.deepEqual(guest.identities.map((i) => i.providerType), ["anon-user", flow.type]);
    assert.equal(jwtPayload(guest.accessToken).is_anonymous, false, "the linked guest is no longer anonymous");
    const later = await newApp().logIn(await flow.credentials(p));
    assert.equal(later.id, guest.id, "a login from a fresh App with new credentials returns the guest's id");
    assert.deepEqual(later.identities.map((i) => i.providerType), ["anon-user", flow.type]);
  });

  test(`${flow.name}: linking credentials that belong to another user is 409 LinkRefused and changes nothing`, async () => {
    const p = person("owner");
    const owner = await newApp().logIn(await flow.credentials(p));
    const guest = await newApp().logIn(Credentials.anonymous());

    await assert.rejects(guest.linkCredentials(await flow.credentials(p)), (err) => {
      assert.ok(err instanceof MongoDBRealmError, `a server error, got ${err?.stack ?? err}`);
      assert.equal(err.statusCode, 409);
      assert.equal(err.errorCode, "LinkRefused");
      return true;
    });
    await guest.refreshProfile();
    assert.deepEqual(guest.identities.map((i) => i.providerType), ["anon-user"]);
    assert.equal((await newApp().logIn(await flow.credentials(p))).id, owner.id);
  });
}

test("profile data comes from the provider: Google's email and name, Apple's email", async () => {
  const p = person("profile");

  const google = await newApp().logIn(Credentials.google({ idToken: (await issued("google/id-token", p)).id_token }));
  const apple = await newApp().logIn(Credentials.apple((await issued("apple/id-token", p)).id_token));

  assert.equal(google.profile.email, p.email);
  assert.equal(google.profile.name, p.name);
  assert.equal(apple.profile.email, p.email);
});

test("a bad Apple ID token is refused with 401 AuthError and its reason", async () => {
  const { id_token } = await issued("apple/id-token", person("forged"));
  const [header, payload] = id_token.split(".");
  const forged = `${header}.${payload}.${"A".repeat(342)}`;

  await assert.rejects(newApp().logIn(Credentials.apple(forged)), (err) => {
    assert.equal(err.statusCode, 401);
    assert.equal(err.errorCode, "AuthError");
    assert.match(err.error, /^Apple ID token refused: bad signature/);
    return true;
  });
});
