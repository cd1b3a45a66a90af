// realm-web 2.0.1 against an app imported from App Services (`atrium import app-services` of the
// fixture export in atrium-server/src/test/resources/appservices), configured with the app's
// ORIGINAL client app id: a Realm app changes only its base URL. Run by RealmWebImportSdkTest twice:
//   ATRIUM_IMPORT_PHASE=first  after the import: a custom-JWT login finds the imported user; an imported
//                              e-mail user, who has no password, is refused, resets it and logs in with the
//                              imported id; an API key created after the import logs in as that user
//   ATRIUM_IMPORT_PHASE=again  after the same import ran a second time: all of it still holds
// Environment besides support.mjs's: ATRIUM_USERS_FILE (the imported user list), ATRIUM_JWT_SECRET and
// ATRIUM_JWT_ISSUER (what the operator set for custom-token), ATRIUM_STATE_DIR (where the first phase
// leaves its API key for the second).

import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Credentials } from "realm-web";
import { APP_ID, PASSWORD, delivered, logInFresh, newApp, rejectsWith } from "./support.mjs";

const PHASE = process.env.ATRIUM_IMPORT_PHASE;
const STATE = process.env.ATRIUM_STATE_DIR;
const users = JSON.parse(readFileSync(process.env.ATRIUM_USERS_FILE, "utf8"));

/** The imported id of the user holding identity (`type`, `subject`) in the App Services export. */
function importedId(type, subject) {
  const user = users.find((u) => u.identities.some((i) => i.provider_type === type && i.id === subject));
  assert.ok(user, `the export has a ${type} identity ${subject}`);
  return user._id;
}

/** An HS256 JWT of the app's identity system, as its own backend would sign one. */
function customJwt(claims) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({
    iss: process.env.ATRIUM_JWT_ISSUER, aud: APP_ID, iat: now, exp: now + 300, ...claims,
  })}`;
  return `${body}.${createHmac("sha256", process.env.ATRIUM_JWT_SECRET).update(body).digest("base64url")}`;
}

const ANN = "ann@example.com";
const ANN_ID = importedId("local-userpass", "64b7f0c2a1b2c3d4e5f60801");
const BO_ID = importedId("custom-token", "bo-ext-42");

test("the app answers under its App Services client app id", () => {
  assert.equal(APP_ID, "myapp-abcde");
});

test("a custom-JWT login with the same external subject returns the imported user id", async () => {
  const user = await logInFresh(Credentials.jwt(customJwt({ sub: "bo-ext-42", name: "Bo" })));
  assert.equal(user.id, BO_ID);
  assert.equal(user.profile.name, "Bo", "the profile the export carried");
  assert.equal(user.providerType, "custom-token");
});

if (PHASE === "first") {
  test("an imported e-mail user has no password: the first login is the usual InvalidPassword", async () => {
    await rejectsWith(logInFresh(Credentials.emailPassword(ANN, PASSWORD)), {
      statusCode: 401, errorCode: "InvalidPassword", error: "unauthorized",
    });
  });

  test("the forgotten-password flow brings the imported e-mail user back with the imported id", async () => {
    const app = newApp();
    await app.emailPasswordAuth.sendResetPasswordEmail({ email: ANN });
    const { token, tokenId } = await delivered("reset", ANN);
    await app.emailPasswordAuth.resetPassword({ password: PASSWORD, token, tokenId });
    const user = await app.logIn(Credentials.emailPassword(ANN, PASSWORD));
    assert.equal(user.id, ANN_ID);
    assert.equal(user.profile.email, ANN);
  });

  test("an API key created after the import logs in as the imported user", async () => {
    const ann = await logInFresh(Credentials.emailPassword(ANN, PASSWORD));
    const { key } = await ann.apiKeys.create("laptop");
    const byKey = await logInFresh(Credentials.apiKey(key));
    assert.equal(byKey.id, ANN_ID);
    writeFileSync(join(STATE, "api-key"), key);
  });
} else {
  test("after a second import the password set since and the API key still log in as the imported user", async () => {
    const ann = await logInFresh(Credentials.emailPassword(ANN, PASSWORD));
    assert.equal(ann.id, ANN_ID);
    const byKey = await logInFresh(Credentials.apiKey(readFileSync(join(STATE, "api-key"), "utf8")));
    assert.equal(byKey.id, ANN_ID);
  });
}
