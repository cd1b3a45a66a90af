// The blog-reader example's passkeys (examples/blog-reader/passkey.js) in headless Chromium, driven
// by playwright-core, against a real server (started by BlogReaderPasskeyBrowserTest), with a
// virtual authenticator of the DevTools protocol's WebAuthn domain (CTAP2, internal transport,
// resident keys, user verification: a phone's or a laptop's platform authenticator). A guest
// keeps its likes with a passkey; the browser's storage is cleared; the passkey brings back the
// same user id. Then the operator revokes the passkey in the console, and it logs in no more.
// The page is served on http://localhost:<port>: passkeys need a domain, never an IP address, and
// Atrium (on 127.0.0.1) is another origin. Each step saves a screenshot.
//
// Environment:
//   ATRIUM_BASE_URL        the server
//   ATRIUM_ADMIN_TOKEN     a valid admin token
//   ATRIUM_APP_ID          the app (the test enables the passkey provider for the page's origin)
//   ATRIUM_SCREENSHOT_DIR  where the PNGs go
//   ATRIUM_CHROMIUM        the Chromium binary (default /usr/bin/chromium); never downloaded

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { serve } from "../../examples/blog-reader/serve.mjs";

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`environment variable ${name} is not set (BlogReaderPasskeyBrowserTest sets it)`);
  return value;
};
const BASE = env("ATRIUM_BASE_URL").replace(/\/+$/, "");
const TOKEN = env("ATRIUM_ADMIN_TOKEN");
const APP_ID = env("ATRIUM_APP_ID");
const SHOTS = env("ATRIUM_SCREENSHOT_DIR");
const CHROMIUM = env("ATRIUM_CHROMIUM", "/usr/bin/chromium");
const ADMIN = `${BASE}/api/admin/v1/apps/${APP_ID}`;

let browser;
let context;
let page;
let authenticator;
let cdp;
let staticServer;
let pageUrl;
let shot = 0;
const consoleErrors = [];

async function admin(method, path, body) {
  const res = await fetch(ADMIN + path, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function screenshot(target, name) {
  shot += 1;
  await target.screenshot({ path: join(SHOTS, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
}

/** Waits until the reader panel settles, asserts its state, then reads it. */
async function reader(expectedState) {
  await page.locator('#reader:not([data-state="loading"]):not([aria-busy])').waitFor();
  const shown = await page.evaluate(() => ({
    panel: document.querySelector("#reader").dataset.state,
    id: document.querySelector("#user-id").textContent,
    state: document.querySelector("#user-state").textContent,
    identities: document.querySelector("#identities").textContent,
    likeCount: Number(document.querySelector("#like-count").textContent),
    status: document.querySelector("#status").textContent,
  }));
  assert.equal(shown.panel, expectedState, `the page says: ${shown.status}`);
  return shown;
}

async function like(postId) {
  await page.locator(`article[data-post-id="${postId}"] .like`).click();
  await page.locator(`article[data-post-id="${postId}"] .like[aria-pressed="true"]`).waitFor();
}

/** The passkeys the virtual authenticator holds (the DevTools protocol's view of the device). */
async function deviceCredentials() {
  return (await cdp.send("WebAuthn.getCredentials", { authenticatorId: authenticator })).credentials;
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  staticServer = await serve({ port: 0, host: "127.0.0.1" });
  const pageOrigin = `http://localhost:${staticServer.address().port}`;
  pageUrl = `${pageOrigin}/?${new URLSearchParams({ baseUrl: BASE, appId: APP_ID })}`;
  assert.notEqual(pageOrigin, new URL(BASE).origin, "the page is on another origin than Atrium");
  const enabled = await admin("PUT", "/providers/passkey",
    { enabled: true, config: { rp_id: "localhost", allowed_origins: [pageOrigin], rp_name: "The Atrium Blog" } });
  assert.equal(enabled.status, 200, JSON.stringify(enabled.json));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15000);
  page = await context.newPage();
  page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });
  page.on("pageerror", (err) => consoleErrors.push(`page error: ${err.message}`));
  cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  authenticator = (await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true,
    },
  })).authenticatorId;
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (staticServer ? staticServer.close(done) : done()));
});

let storyBroken = false;
function step(name, fn) {
  test(name, async () => {
    if (storyBroken) throw new Error("an earlier step of the passkey story failed");
    try {
      await fn();
    } catch (error) {
      storyBroken = true;
      throw error;
    }
  });
}

let member;

step("a guest who keeps its likes with a passkey keeps its id and is no longer anonymous", async () => {
  await page.goto(pageUrl);
  const guest = await reader("guest");
  assert.equal(guest.identities, "anon-user");
  await like("guests-first");
  await like("linking-keeps-your-id");
  assert.ok(await page.getByRole("button", { name: "Keep my likes with a passkey" }).isVisible());
  await screenshot(page, "guest-with-likes");

  await page.getByRole("button", { name: "Keep my likes with a passkey" }).click();
  await page.locator("#status", { hasText: "kept with a passkey" }).waitFor();
  const kept = await reader("linked");
  assert.equal(kept.id, guest.id, "the same user id after the passkey");
  assert.equal(kept.state, "Member: passkey");
  assert.equal(kept.identities, "anon-user, passkey");
  assert.equal(kept.likeCount, 2);

  const user = (await admin("GET", `/users/${guest.id}`)).json;
  assert.equal(user.anonymous, false, JSON.stringify(user));
  assert.deepEqual(user.providers, ["anon-user", "passkey"]);
  const passkeys = (await admin("GET", `/users/${guest.id}/passkeys`)).json.passkeys;
  assert.equal(passkeys.length, 1);
  assert.equal(passkeys[0].name, "Blog reader");
  const held = await deviceCredentials();
  assert.equal(held.length, 1, "the device holds one passkey");
  assert.equal(held[0].isResidentCredential, true, "a discoverable credential");
  assert.equal(held[0].rpId, "localhost");
  assert.equal(Buffer.from(held[0].userHandle, "base64").toString("hex"), guest.id, "its user handle is the user id");
  assert.equal(Buffer.from(held[0].credentialId, "base64").toString("base64url"), passkeys[0].credential_id);
  member = guest.id;
  await screenshot(page, "likes-kept-with-a-passkey");
});

step("with the browser's storage cleared the page starts over as a new guest", async () => {
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  await context.clearCookies();
  await page.reload();
  const fresh = await reader("guest");
  assert.notEqual(fresh.id, member, "realm-web forgot the member: a new guest");
  assert.equal(fresh.likeCount, 0, "the likes lived in the cleared storage");
  assert.equal((await deviceCredentials()).length, 1, "the passkey stays on the device");
  await screenshot(page, "storage-cleared-new-guest");
});

step("signing in with the passkey, no username, brings back the same user id", async () => {
  const interim = await reader("guest");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await page.locator("#status", { hasText: "Signed in with your passkey" }).waitFor();
  const back = await reader("linked");
  assert.equal(back.id, member, "the same user id as before the storage was cleared");
  assert.equal(back.state, "Member: passkey");
  assert.equal(back.identities, "anon-user, passkey");
  assert.equal((await admin("GET", `/users/${interim.id}`)).status, 404, "the interim guest was logged out, so deleted");
  const [passkey] = (await admin("GET", `/users/${member}/passkeys`)).json.passkeys;
  assert.ok(passkey.last_used_at, "the login is recorded on the passkey");
  assert.ok((await deviceCredentials())[0].signCount >= 1, "the device's counter went up");
  await screenshot(page, "signed-in-with-the-passkey-same-id");
});

step("the operator revokes the passkey in the console, and it logs in no more", async () => {
  const console = await context.newPage();
  console.on("pageerror", (err) => consoleErrors.push(`console page error: ${err.message}`));
  await console.goto(`${BASE}/console/`);
  await console.getByLabel("Admin token").fill(TOKEN);
  await console.getByLabel("Admin token").press("Enter");
  await console.getByRole("heading", { level: 1, name: "Users" }).waitFor();
  await console.goto(`${BASE}/console/#/${APP_ID}/user/${member}`);
  await console.getByRole("heading", { level: 2, name: "Passkeys (1)" }).waitFor();
  const row = console.locator("section.passkeys tbody tr");
  assert.match(await row.textContent(), /Blog reader/);
  await screenshot(console, "console-user-passkeys");

  await console.getByRole("button", { name: /^Revoke passkey Blog reader/ }).click();
  await console.getByRole("button", { name: "Revoke passkey", exact: true }).click();
  await console.getByRole("heading", { level: 2, name: "Passkeys (0)" }).waitFor();
  assert.match(await console.locator("#status").textContent(), /is revoked/);
  assert.deepEqual((await admin("GET", `/users/${member}/passkeys`)).json.passkeys, []);
  await screenshot(console, "console-passkey-revoked");
  await console.close();

  await page.getByRole("button", { name: "Log out" }).click();
  await page.locator("#status", { hasText: "sign in again" }).waitFor();
  await reader("guest");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await page.locator('#status[data-tone="error"]').waitFor();
  assert.equal(await page.locator("#status").textContent(), "passkey refused: unknown passkey");
  assert.notEqual((await reader("guest")).id, member, "still a guest");
  await screenshot(page, "revoked-passkey-refused");
});

test("the pages logged no error but the refused login's", () => {
  assert.deepEqual(consoleErrors.filter((e) => !e.includes("401")), []);
});
