// End-to-end tests of realm-web 2.0.1 when a user's session ends elsewhere: an admin
// revokes it, a password reset revokes it, an admin disables the user. Atrium refuses the old
// access token on its own routes at once, and realm-web must end up logged out (or told the user
// is disabled) after a bounded number of requests, never in a retry loop. Run by
// RealmWebLinkingSdkTest; the environment is described in support.mjs, plus
// ATRIUM_ADMIN_TOKEN, an admin token of the server.

import { test } from "node:test";
import assert from "node:assert/strict";
import { Credentials } from "realm-web";
import {
  APP_ID, BASE_URL, CLIENT_PREFIX, PASSWORD, delivered, linkedGuest, logInFresh, newApp, recordingFetch, rejectsWith,
} from "./support.mjs";

const ADMIN_TOKEN = process.env.ATRIUM_ADMIN_TOKEN;
const PROFILE = `GET ${CLIENT_PREFIX}/auth/profile`;
const REFRESH = `POST ${CLIENT_PREFIX}/auth/session`;

/** An admin API call on one user of the app (`POST …/users/{id}/revoke`, `…/disable`). */
async function adminOnUser(userId, action) {
  assert.ok(ADMIN_TOKEN, "ATRIUM_ADMIN_TOKEN is set (RealmWebLinkingSdkTest sets it)");
  const res = await fetch(`${BASE_URL}/api/admin/v1/apps/${APP_ID}/users/${userId}/${action}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, Accept: "application/json" },
  });
  assert.equal(res.status, 200, `admin ${action}: ${await res.text()}`);
}

/** What realm-web sent since `from`, as "METHOD path" lines. */
function sentSince(calls, from) {
  return calls.slice(from).map((c) => `${c.method} ${c.path}`);
}

test("after an admin revokes a guest's sessions, refreshProfile tries one refresh and ends logged out", async () => {
  const { transport, calls } = recordingFetch();
  const app = newApp({ transport });
  const guest = await app.logIn(Credentials.anonymous());
  await adminOnUser(guest.id, "revoke");
  const before = calls.length;

  // The access token is refused (401 InvalidSession), realm-web refreshes once, the refresh is
  // refused too, it forgets both tokens and gives up with the refresh's error.
  await rejectsWith(guest.refreshProfile(), { statusCode: 401, errorCode: "InvalidSession" });

  assert.deepEqual(sentSince(calls, before), [PROFILE, REFRESH]);
  assert.equal(guest.state, "logged-out");
  assert.equal(guest.accessToken, null);
  assert.equal(guest.refreshToken, null);
  assert.equal(app.currentUser, null);
});

test("after a password reset on another device, the linked user's refreshProfile ends logged out; the new password logs in to it", async () => {
  const { app, calls, guest, email } = await linkedGuest("reset-elsewhere");
  const auth = newApp().emailPasswordAuth;
  await auth.sendResetPasswordEmail({ email });
  const { token, tokenId } = await delivered("reset", email);
  await auth.resetPassword({ token, tokenId, password: `${PASSWORD} 2` });
  const before = calls.length;

  await rejectsWith(guest.refreshProfile(), { statusCode: 401, errorCode: "InvalidSession" });

  assert.deepEqual(sentSince(calls, before), [PROFILE, REFRESH]);
  assert.equal(guest.state, "logged-out");
  assert.ok(app.allUsers[guest.id], "a linked user is only logged out, not removed");
  const again = await logInFresh(Credentials.emailPassword(email, `${PASSWORD} 2`));
  assert.equal(again.id, guest.id, "the user itself was kept");
});

test("a disabled user's refreshProfile is refused with 401 UserDisabled once, with no refresh", async () => {
  const { transport, calls } = recordingFetch();
  const app = newApp({ transport });
  const guest = await app.logIn(Credentials.anonymous());
  await adminOnUser(guest.id, "disable");
  const before = calls.length;

  // realm-web refreshes only on InvalidSession or "unauthorized": UserDisabled reaches the app as is.
  await rejectsWith(guest.refreshProfile(), { statusCode: 401, errorCode: "UserDisabled" });

  assert.deepEqual(sentSince(calls, before), [PROFILE]);
  // realm-web forgets the tokens only on InvalidSession or "unauthorized" too: the user stays
  // active locally, and every call (a refresh included) tells the app it is disabled, once.
  await rejectsWith(guest.refreshAccessToken(), { statusCode: 401, errorCode: "UserDisabled" });
  assert.deepEqual(sentSince(calls, before), [PROFILE, REFRESH]);
  assert.equal(guest.state, "active");
});
