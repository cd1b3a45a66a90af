// End-to-end tests of realm-web 2.0.1's email/password provider (docs/client-api.md, Login and linking; E-mail/password routes): register, confirm,
// resend, reset and reset function, against a running Atrium server whose app confirms and resets
// by webhook. Run by RealmWebLinkingSdkTest; the environment is described in support.mjs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { Credentials } from "realm-web";
import {
  APP_ID, PASSWORD, delivered, jwtPayload, logInFresh, newApp, providerTypes, registerConfirmed, rejectsWith,
  uniqueEmail,
} from "./support.mjs";

const NEW_PASSWORD = "a brand new password";

test("registerUser delivers a confirmation token by webhook; confirmUser with it lets the account log in", async () => {
  const app = newApp();
  const email = uniqueEmail("register");
  await app.emailPasswordAuth.registerUser({ email, password: PASSWORD });

  assert.equal(app.currentUser, null, "registering logs nobody in");
  const payload = await delivered("confirm", email);
  assert.equal(payload.app_id, APP_ID);
  assert.equal(payload.username, email);
  assert.ok(payload.token.length > 0 && payload.tokenId.length > 0, JSON.stringify(payload));

  await rejectsWith(app.logIn(Credentials.emailPassword(email, PASSWORD)), { statusCode: 401, errorCode: "AuthError" });
  await rejectsWith(app.emailPasswordAuth.confirmUser({ token: "not-the-token", tokenId: payload.tokenId }),
    { statusCode: 400, errorCode: "UserpassTokenInvalid", error: "invalid token data" });

  await app.emailPasswordAuth.confirmUser({ token: payload.token, tokenId: payload.tokenId });
  const user = await app.logIn(Credentials.emailPassword(email, PASSWORD));
  assert.equal(user.providerType, "local-userpass");
  assert.deepEqual(providerTypes(user), ["local-userpass"]);
  assert.equal(user.profile.email, email);
  assert.equal(jwtPayload(user.accessToken).is_anonymous, false);
});

test("resendConfirmationEmail and retryCustomConfirmation deliver a new token that replaces the previous one", async () => {
  const auth = newApp().emailPasswordAuth;
  const email = uniqueEmail("resend");
  await auth.registerUser({ email, password: PASSWORD });
  const first = await delivered("confirm", email);

  await auth.resendConfirmationEmail({ email });
  const second = await delivered("confirm", email, first);
  await auth.retryCustomConfirmation({ email });
  const third = await delivered("confirm", email, second);

  await rejectsWith(auth.confirmUser({ token: first.token, tokenId: first.tokenId }),
    { statusCode: 400, errorCode: "UserpassTokenInvalid" });
  await auth.confirmUser({ token: third.token, tokenId: third.tokenId });
});

test("confirmation requests answer an unknown address like a known one; a fourth message an hour is refused", async () => {
  const auth = newApp().emailPasswordAuth;
  const email = uniqueEmail("enumerate");
  await auth.registerUser({ email, password: PASSWORD });
  const first = await delivered("confirm", email);
  await auth.confirmUser({ token: first.token, tokenId: first.tokenId });

  await auth.resendConfirmationEmail({ email }); // confirmed already: nothing is sent, and nothing says so
  await auth.resendConfirmationEmail({ email: uniqueEmail("nobody") });
  await auth.retryCustomConfirmation({ email });
  await rejectsWith(auth.resendConfirmationEmail({ email }),
    { statusCode: 429, errorCode: "TooManyRequests", error: "too many messages to this address; retry later" });
});

test("registering an e-mail that is already registered is refused with 409 AccountNameInUse", async () => {
  const auth = newApp().emailPasswordAuth;
  const email = uniqueEmail("taken");
  await auth.registerUser({ email, password: PASSWORD });

  await rejectsWith(auth.registerUser({ email, password: "another password" }),
    { statusCode: 409, errorCode: "AccountNameInUse", error: "name already in use" });
});

test("a wrong password or an unknown e-mail is refused with 401 InvalidPassword and logs nobody in", async () => {
  const email = uniqueEmail("wrong");
  await registerConfirmed(email);
  const app = newApp();

  await rejectsWith(app.logIn(Credentials.emailPassword(email, "not the password")),
    { statusCode: 401, errorCode: "InvalidPassword", error: "unauthorized" });
  await rejectsWith(app.logIn(Credentials.emailPassword(uniqueEmail("unknown"), PASSWORD)),
    { statusCode: 401, errorCode: "InvalidPassword", error: "unauthorized" });
  assert.equal(app.currentUser, null);
  assert.deepEqual(app.allUsers, {});
});

/** Registers and confirms a new e-mail and logs it in once; returns the e-mail and the user id. */
async function account(tag) {
  const email = uniqueEmail(tag);
  await registerConfirmed(email);
  const { id } = await logInFresh(Credentials.emailPassword(email, PASSWORD));
  return { email, id };
}

async function assertPassword(email, password, id) {
  const user = await logInFresh(Credentials.emailPassword(email, password));
  assert.equal(user.id, id, "the password logs in to the same user");
}

async function assertNotPassword(email, password) {
  await rejectsWith(logInFresh(Credentials.emailPassword(email, password)), { statusCode: 401, errorCode: "InvalidPassword" });
}

test("sendResetPasswordEmail delivers a single-use reset token; resetPassword with it replaces the password", async () => {
  const { email, id } = await account("reset");
  const auth = newApp().emailPasswordAuth;

  await auth.sendResetPasswordEmail({ email });
  const { token, tokenId, app_id } = await delivered("reset", email);
  assert.equal(app_id, APP_ID);
  await auth.resetPassword({ token, tokenId, password: NEW_PASSWORD });

  await assertNotPassword(email, PASSWORD);
  await assertPassword(email, NEW_PASSWORD, id);
  await rejectsWith(auth.resetPassword({ token, tokenId, password: "yet another password" }),
    { statusCode: 400, errorCode: "UserpassTokenInvalid", error: "invalid token data" });
  await auth.sendResetPasswordEmail({ email: uniqueEmail("nobody") }); // answered like a known address
});

test("callResetPasswordFunction passes its arguments to the reset function; on success the new password works at once", async () => {
  const { email, id } = await account("reset-call");

  await newApp().emailPasswordAuth.callResetPasswordFunction({ email, password: NEW_PASSWORD }, "success", { reason: "forgot" });

  const payload = await delivered("reset_function", email);
  assert.deepEqual(payload.arguments, ["success", { reason: "forgot" }]);
  await assertNotPassword(email, PASSWORD);
  await assertPassword(email, NEW_PASSWORD, id);
});

test("a pending reset function keeps the old password until resetPassword uses the token it was given", async () => {
  const { email, id } = await account("reset-pending");
  const auth = newApp().emailPasswordAuth;

  await auth.callResetPasswordFunction({ email, password: NEW_PASSWORD }, "pending");
  await assertPassword(email, PASSWORD, id);

  const { token, tokenId } = await delivered("reset_function", email);
  await auth.resetPassword({ token, tokenId, password: NEW_PASSWORD });
  await assertNotPassword(email, PASSWORD);
  await assertPassword(email, NEW_PASSWORD, id);
});

test("a reset function answering fail refuses the reset and keeps the old password", async () => {
  const { email, id } = await account("reset-fail");

  await assert.rejects(newApp().emailPasswordAuth.callResetPasswordFunction({ email, password: NEW_PASSWORD }, "fail"),
    (err) => err.statusCode >= 400 && err.statusCode < 500 && typeof err.errorCode === "string");
  await assertNotPassword(email, NEW_PASSWORD);
  await assertPassword(email, PASSWORD, id);
});
