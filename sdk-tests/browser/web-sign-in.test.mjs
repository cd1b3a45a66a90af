// realm-web 2.0.1's web redirect flow (Credentials.google({redirectUrl}), Credentials.apple(redirectUrl),
// Credentials.facebook(redirectUrl)) in headless Chromium, driven by playwright-core, against a real
// server (started by WebSignInBrowserTest) whose providers sign in at an in-process identity-provider
// stub. The page and its redirect page are served here, on another origin than Atrium and the stub:
// realm-web opens Atrium's login URL in a popup, the stub's sign-in page sends the popup back to
// Atrium's callback with a code (Apple by an auto-submitting form POST), and the callback sends it
// to the redirect page, whose handleAuthRedirect hands the tokens to the opener. Linking fetches the
// provider's URL with the access token first (X-BAAS-Location) and keeps Atrium's binding cookie.
//
// Environment:
//   ATRIUM_BASE_URL, ATRIUM_ADMIN_TOKEN, ATRIUM_APP_ID   the server, an admin token, an app whose
//                                   oauth2-google, oauth2-apple and oauth2-facebook point at the stub
//   ATRIUM_IDP_STUB                 the stub (its /test/sign-in-as names who signs in next)
//   ATRIUM_SCREENSHOT_DIR           where the PNGs go
//   ATRIUM_CHROMIUM                 the Chromium binary (default /usr/bin/chromium); never downloaded

import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`environment variable ${name} is not set (WebSignInBrowserTest sets it)`);
  return value;
};
const BASE = env("ATRIUM_BASE_URL").replace(/\/+$/, "");
const TOKEN = env("ATRIUM_ADMIN_TOKEN");
const APP_ID = env("ATRIUM_APP_ID");
const STUB = env("ATRIUM_IDP_STUB").replace(/\/+$/, "");
const SHOTS = env("ATRIUM_SCREENSHOT_DIR");
const CHROMIUM = env("ATRIUM_CHROMIUM", "/usr/bin/chromium");
const ADMIN = `${BASE}/api/admin/v1/apps/${APP_ID}`;
const REALM_WEB = readFileSync(new URL("../../examples/blog-reader/node_modules/realm-web/dist/bundle.iife.js", import.meta.url));
const TYPES = ["oauth2-google", "oauth2-apple", "oauth2-facebook"];

/** The app's page: one button runs what `window.next` says and writes the outcome into #result. */
function appPage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Web sign-in</title>
<script src="/realm-web.js"></script></head>
<body><h1>Sign in with a provider</h1><button id="go">Go</button><pre id="result" data-state="idle"></pre>
<script>
  const app = new Realm.App({ id: ${JSON.stringify(APP_ID)}, baseUrl: ${JSON.stringify(BASE)} });
  const credentials = (type, redirectUrl) => ({
    "oauth2-google": () => Realm.Credentials.google({ redirectUrl }),
    "oauth2-apple": () => Realm.Credentials.apple(redirectUrl),
    "oauth2-facebook": () => Realm.Credentials.facebook(redirectUrl),
  })[type]();
  document.querySelector("#go").addEventListener("click", async () => {
    const { action, type, redirect } = window.next;
    const out = document.querySelector("#result");
    out.dataset.state = "busy";
    const redirectUrl = location.origin + (redirect ?? "/auth.html");
    try {
      let user = null;
      if (action === "guest") user = await app.logIn(Realm.Credentials.anonymous());
      if (action === "login") user = await app.logIn(credentials(type, redirectUrl));
      if (action === "link") { user = app.currentUser; await user.linkCredentials(credentials(type, redirectUrl)); }
      // removeUser, not logOut: realm-web would reuse a logged-out user of type anon-user (a linked
      // guest keeps that type on the device) for the next Credentials.anonymous().
      if (action === "logout") await app.removeUser(app.currentUser);
      out.textContent = JSON.stringify(user && { id: user.id, type: user.providerType,
        identities: user.identities.map((i) => i.providerType), email: user.profile.email ?? null });
      out.dataset.state = "done";
    } catch (e) {
      out.textContent = JSON.stringify({ error: String(e && e.message || e) });
      out.dataset.state = "failed";
    }
  });
</script></body></html>`;
}

/** The redirect page: realm-web reads the fragment Atrium wrote and hands it to the opener. */
const AUTH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing in…</title>
<script src="/realm-web.js"></script></head><body><p>Signing in…</p><script>Realm.handleAuthRedirect();</script></body></html>`;

let staticServer;
let origin;
let browser;
let context;
let page;
let shot = 0;
const consoleErrors = [];

function serveApp() {
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/favicon.ico") return res.writeHead(204).end();
    const body = path === "/" ? appPage() : path === "/auth.html" ? AUTH_PAGE : path === "/realm-web.js" ? REALM_WEB : null;
    if (!body) return res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
    res.writeHead(200, { "Content-Type": path.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8" }).end(body);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

async function admin(method, path, body) {
  const res = await fetch(ADMIN + path, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** Who signs in at the stub's pages next ({deny: true}: someone who says no). */
async function signInAs(person) {
  const res = await fetch(`${STUB}/test/sign-in-as`, { method: "POST", body: JSON.stringify(person) });
  assert.equal(res.status, 200);
}

async function screenshot(target, name) {
  shot += 1;
  await target.screenshot({ path: join(SHOTS, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
}

/**
 * Clicks Go for `next` and waits for the outcome; `popup` (when given) gets the popup realm-web
 * opened and the navigations made meanwhile (the popup's, redirects included).
 */
async function run(next, popup) {
  await page.evaluate((n) => { window.next = n; }, next);
  const visited = [];
  const record = (r) => {
    // The app's page itself never navigates meanwhile: every navigation is the popup's.
    if (r.isNavigationRequest()) visited.push(`${r.method()} ${r.url()}`);
  };
  context.on("request", record);
  try {
    const opened = popup ? context.waitForEvent("page") : null;
    await page.click("#go");
    if (opened) await popup(await opened, visited);
    await page.locator('#result[data-state="done"], #result[data-state="failed"]').waitFor();
  } finally {
    context.off("request", record);
  }
  const state = await page.locator("#result").getAttribute("data-state");
  return { state, ...JSON.parse(await page.locator("#result").textContent()) };
}

/** A popup that must go through Atrium's start, the stub's page and Atrium's callback to the redirect page, then close. */
function throughTheProvider(type) {
  return async (p, visited) => {
    if (!p.isClosed()) await p.waitForEvent("close", { timeout: 15000 });
    const seen = visited.map((u) => u.replace(/[?#].*$/, ""));
    const stubPath = { "oauth2-google": "/google/auth", "oauth2-apple": "/apple/auth/authorize", "oauth2-facebook": "/facebook/dialog/oauth" };
    assert.ok(seen.some((v) => v === `GET ${STUB}${stubPath[type]}`), seen.join("\n"));
    assert.ok(seen.some((v) => v === `${type === "oauth2-apple" ? "POST" : "GET"} ${BASE}/api/client/v2.0/auth/callback`),
      seen.join("\n"));
    assert.ok(seen.some((v) => v === `GET ${origin}/auth.html`), seen.join("\n"));
  };
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  staticServer = await serveApp();
  origin = `http://127.0.0.1:${staticServer.address().port}`;
  assert.notEqual(origin, new URL(BASE).origin, "the page is on another origin than Atrium");
  // The operator allows the page's redirect page, through the admin API; the secrets are kept.
  for (const type of TYPES) {
    const current = (await admin("GET", "/providers")).json.find((p) => p.type === type);
    const res = await admin("PUT", `/providers/${type}`, { enabled: true,
      config: { ...current.config, allowed_redirect_urls: [`${origin}/auth.html`] } });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.deepEqual(res.json.config.allowed_redirect_urls, [`${origin}/auth.html`]);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  context = await browser.newContext({ viewport: { width: 900, height: 600 } });
  context.setDefaultTimeout(15000);
  page = await context.newPage();
  page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });
  page.on("pageerror", (err) => consoleErrors.push(`page error: ${err.message}`));
  await page.goto(`${origin}/`);
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (staticServer ? staticServer.close(done) : done()));
});

const users = {};

for (const type of TYPES) {
  test(`${type}: logIn through the redirect signs a new person in, from another origin`, async () => {
    const sub = `${type}-person-${Date.now()}`;
    await signInAs({ sub, email: `${sub}@example.com`, name: "Browser Person" });
    const user = await run({ action: "login", type }, throughTheProvider(type));
    assert.equal(user.state, "done", JSON.stringify(user));
    assert.match(user.id, /^[0-9a-f]{24}$/);
    assert.deepEqual(user.identities, [type]);
    assert.equal(user.email, `${sub}@example.com`);
    const detail = (await admin("GET", `/users/${user.id}`)).json;
    assert.deepEqual(detail.identities.map((i) => [i.provider_type, i.id]), [[type, sub]]);
    users[type] = { id: user.id, sub };
    await screenshot(page, `${type}-signed-in`);
    await run({ action: "logout" });
  });
}

test("a guest links Google through the redirect, keeps its id, and a later Google login returns it", async () => {
  const guest = await run({ action: "guest" });
  assert.deepEqual(guest.identities, ["anon-user"]);
  const sub = `linked-${Date.now()}`;
  await signInAs({ sub, email: `${sub}@example.com`, name: "Linked Person" });
  const linked = await run({ action: "link", type: "oauth2-google" }, throughTheProvider("oauth2-google"));
  assert.equal(linked.state, "done", JSON.stringify(linked));
  assert.equal(linked.id, guest.id);
  assert.deepEqual(linked.identities, ["anon-user", "oauth2-google"]);
  await screenshot(page, "guest-linked-google");
  await run({ action: "logout" });
  const detail = (await admin("GET", `/users/${guest.id}`)).json;
  assert.equal(detail.anonymous, false, "linked: logout kept the user");
  const again = await run({ action: "login", type: "oauth2-google" }, throughTheProvider("oauth2-google"));
  assert.equal(again.id, guest.id);
  await run({ action: "logout" });
});

test("a guest links Apple through the redirect (its form POST carries the binding cookie back)", async () => {
  const guest = await run({ action: "guest" });
  const sub = `linked-apple-${Date.now()}`;
  await signInAs({ sub, email: `${sub}@privaterelay.appleid.com`, name: "Apple Person" });
  const linked = await run({ action: "link", type: "oauth2-apple" }, throughTheProvider("oauth2-apple"));
  assert.equal(linked.state, "done", JSON.stringify(linked));
  assert.equal(linked.id, guest.id);
  assert.deepEqual(linked.identities, ["anon-user", "oauth2-apple"]);
  await run({ action: "logout" });
});

test("a person who says no at the provider comes back with an error and nobody is created", async () => {
  const before = (await admin("GET", "/stats?hours=1")).json.users.total;
  await signInAs({ deny: true });
  const outcome = await run({ action: "login", type: "oauth2-facebook" }, async (p) => { if (!p.isClosed()) await p.waitForEvent("close"); });
  assert.equal(outcome.state, "failed");
  // realm-web 2.0.1 stores the _baas_error it read, then fails on the missing tokens.
  assert.match(outcome.error, /authInfo/);
  assert.equal((await admin("GET", "/stats?hours=1")).json.users.total, before);
  await screenshot(page, "person-said-no");
});

test("a redirect page that is not allowed gets Atrium's error in the popup, which goes nowhere", async () => {
  const before = (await admin("GET", "/stats?hours=1")).json.users.total;
  await signInAs({ sub: "never", email: "never@example.com", name: "Never" });
  const outcome = await run({ action: "login", type: "oauth2-google", redirect: "/elsewhere.html" }, async (p) => {
    await p.waitForLoadState();
    assert.ok(p.url().startsWith(`${BASE}/api/client/v2.0/app/`), p.url());
    const error = JSON.parse(await p.locator("body").textContent());
    assert.equal(error.error_code, "InvalidParameter");
    assert.match(error.error, /allowed_redirect_urls/);
    await screenshot(p, "unlisted-redirect-refused");
    await p.close();
  });
  assert.equal(outcome.state, "failed");
  assert.match(outcome.error, /Window closed/);
  assert.equal((await admin("GET", "/stats?hours=1")).json.users.total, before);
});

test("no console errors on the app's page", () => {
  assert.deepEqual(consoleErrors, []);
});
