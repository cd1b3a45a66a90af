// The blog-reader example (examples/blog-reader) in headless Chromium, driven by playwright-core,
// against a real server (started by BlogReaderBrowserTest). The page is served by the example's own
// static server on another port than Atrium: another origin, so every call realm-web's browser
// bundle makes is a cross-origin request that CORS must allow. The steps run in order, as one
// reader would go through them; each saves a screenshot.
//
// Environment:
//   ATRIUM_BASE_URL        the server
//   ATRIUM_ADMIN_TOKEN     a valid admin token
//   ATRIUM_APP_ID          an app with anon-user and local-userpass (automatic confirmation) enabled
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
  if (!value) throw new Error(`environment variable ${name} is not set (BlogReaderBrowserTest sets it)`);
  return value;
};
const BASE = env("ATRIUM_BASE_URL").replace(/\/+$/, "");
const TOKEN = env("ATRIUM_ADMIN_TOKEN");
const APP_ID = env("ATRIUM_APP_ID");
const SHOTS = env("ATRIUM_SCREENSHOT_DIR");
const CHROMIUM = env("ATRIUM_CHROMIUM", "/usr/bin/chromium");
const ADMIN = `${BASE}/api/admin/v1/apps/${APP_ID}`;
const PASSWORD = "correct horse battery";

let browser;
let context;
let page;
let staticServer;
let pageUrl;
let pageOrigin;
let shot = 0;
const consoleErrors = [];
/** Every request the page sent to Atrium: {method, path, status} (status null while pending or failed). */
let atriumCalls = [];

/** The admin API (what the page shows is checked against the server's view). */
async function admin(method, path, body) {
  const res = await fetch(ADMIN + path, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function allowOrigins(origins) {
  const res = await admin("PATCH", "/settings", { allowed_origins: origins });
  assert.equal(res.status, 200, `PATCH settings allowed_origins: ${JSON.stringify(res.json)}`);
  assert.deepEqual(res.json.allowed_origins, origins);
}

const userCount = async () => (await admin("GET", "/stats?hours=1")).json.users.total;

async function screenshot(target, name) {
  shot += 1;
  await target.screenshot({ path: join(SHOTS, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
}

/** Waits until the reader panel settles (no longer loading or busy), asserts its state, then reads it. */
async function reader(target, expectedState) {
  await target.locator('#reader:not([data-state="loading"]):not([aria-busy])').waitFor();
  const shown = await target.evaluate(() => ({
    panel: document.querySelector("#reader").dataset.state,
    id: document.querySelector("#user-id").textContent,
    state: document.querySelector("#user-state").textContent,
    identities: document.querySelector("#identities").textContent,
    likeCount: Number(document.querySelector("#like-count").textContent),
    liked: [...document.querySelectorAll('article[data-post-id]:has(.like[aria-pressed="true"])')]
      .map((a) => a.dataset.postId),
    status: document.querySelector("#status").textContent,
  }));
  assert.equal(shown.panel, expectedState, `the page says: ${shown.status}`);
  return shown;
}

async function like(postId) {
  const button = page.locator(`article[data-post-id="${postId}"] .like`);
  await button.click();
  await page.locator(`article[data-post-id="${postId}"] .like[aria-pressed="true"]`).waitFor();
}

async function submit(formId, email) {
  const form = page.locator(`#${formId}`);
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByRole("button").click();
}

function recordAtriumCalls(target) {
  target.on("request", (request) => {
    if (request.url().startsWith(BASE)) {
      const { pathname } = new URL(request.url());
      atriumCalls.push({ request, method: request.method(), path: pathname.replace(`/app/${APP_ID}`, "/app/:id") });
    }
  });
}

/** The calls so far, each with its HTTP status or the browser's failure text. */
async function calls() {
  return Promise.all(atriumCalls.map(async ({ request, method, path }) => {
    const response = await request.response();
    return { method, path, outcome: response ? response.status() : request.failure()?.errorText };
  }));
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  staticServer = await serve({ port: 0, host: "127.0.0.1" });
  pageOrigin = `http://127.0.0.1:${staticServer.address().port}`;
  pageUrl = `${pageOrigin}/?${new URLSearchParams({ baseUrl: BASE, appId: APP_ID })}`;
  assert.notEqual(pageOrigin, new URL(BASE).origin, "the page is on another origin than Atrium");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(15000);
  page = await context.newPage();
  page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });
  page.on("pageerror", (err) => consoleErrors.push(`page error: ${err.message}`));
  recordAtriumCalls(page);
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (staticServer ? staticServer.close(done) : done()));
});

/**
 * A step of the one reader's story: each builds on the one before, so after a failed step the rest
 * fail at once (saying so) instead of each waiting out its timeouts.
 */
let storyBroken = false;
function step(name, fn) {
  test(name, async () => {
    if (storyBroken) throw new Error("an earlier step of the reader's story failed");
    try {
      await fn();
    } catch (error) {
      storyBroken = true;
      throw error;
    }
  });
}

let guest;

step("a first visit logs in a new guest from another origin and shows its id as anonymous", async () => {
  await page.goto(pageUrl);
  const shown = await reader(page, "guest");
  assert.match(shown.id, /^[0-9a-f]{24}$/);
  assert.equal(shown.state, "Guest (anonymous)");
  assert.equal(shown.identities, "anon-user");
  assert.match(shown.status, /new guest/);
  assert.deepEqual((await calls()).map((c) => `${c.method} ${c.path} ${c.outcome}`), [
    "GET /api/client/v2.0/app/:id/location 200",
    "POST /api/client/v2.0/app/:id/auth/providers/anon-user/login 200",
    "GET /api/client/v2.0/auth/profile 200",
  ]);
  const user = (await admin("GET", `/users/${shown.id}`)).json;
  assert.equal(user.anonymous, true, JSON.stringify(user));
  guest = shown.id;
  await screenshot(page, "first-visit-guest");
});

step("after a reload the same guest is restored from localStorage, its profile refreshed and its likes kept", async () => {
  await like("guests-first");
  await like("sweeping-abandoned-guests");
  atriumCalls = [];
  await page.reload();
  const shown = await reader(page, "guest");
  assert.equal(shown.id, guest);
  assert.match(shown.status, /restored/);
  assert.deepEqual(shown.liked, ["guests-first", "sweeping-abandoned-guests"]);
  assert.equal(shown.likeCount, 2);
  const afterReload = (await calls()).map((c) => `${c.method} ${c.path} ${c.outcome}`);
  assert.ok(afterReload.includes("GET /api/client/v2.0/auth/profile 200"), afterReload.join("\n"));
  assert.ok(!afterReload.some((c) => c.includes("/login")), `no new login after the reload:\n${afterReload.join("\n")}`);
  await screenshot(page, "reloaded-same-guest-with-likes");
});

step("logging a guest out deletes it on the server and a new guest with no likes takes its place", async () => {
  await page.getByRole("button", { name: "Log out" }).click();
  await page.locator("#status", { hasText: "Logged out" }).waitFor();
  const shown = await reader(page, "guest");
  assert.notEqual(shown.id, guest);
  assert.equal(shown.likeCount, 0);
  assert.deepEqual(shown.liked, []);
  assert.equal((await admin("GET", `/users/${guest}`)).status, 404, "Atrium deleted the guest that logged out");
  guest = shown.id;
  await screenshot(page, "new-guest-after-logout");
});

const email = `reader-${Date.now()}@example.com`;

step("a guest who creates an account keeps its id and likes and is no longer anonymous", async () => {
  await like("linking-keeps-your-id");
  await submit("link-form", email);
  const shown = await reader(page, "linked");
  assert.equal(shown.id, guest, "the same user id after linking");
  assert.equal(shown.state, `Member: ${email}`);
  assert.equal(shown.identities, "anon-user, local-userpass");
  assert.deepEqual(shown.liked, ["linking-keeps-your-id"]);
  assert.match(shown.status, /same user id/);
  const user = (await admin("GET", `/users/${guest}`)).json;
  assert.equal(user.anonymous, false, JSON.stringify(user));
  assert.deepEqual(user.providers, ["anon-user", "local-userpass"]);
  assert.equal(await page.locator("#keep-likes").isHidden(), true, "no account form for a member");
  await screenshot(page, "linked-member-keeps-likes");
});

step("a member who logs out is kept, and signing in again brings back the same id and likes", async () => {
  const member = guest;
  await page.getByRole("button", { name: "Log out" }).click();
  await page.locator("#status", { hasText: "sign in again" }).waitFor();
  const interim = await reader(page, "guest");
  assert.notEqual(interim.id, member);
  assert.equal(interim.likeCount, 0);
  assert.equal((await admin("GET", `/users/${member}`)).status, 200, "logout does not delete a member");

  await page.getByText("Already have an account?").click();
  await submit("signin-form", email);
  const shown = await reader(page, "linked");
  assert.equal(shown.id, member);
  assert.equal(shown.status, "Signed in: welcome back.");
  assert.deepEqual(shown.liked, ["linking-keeps-your-id"]);
  assert.equal((await admin("GET", `/users/${interim.id}`)).status, 404, "the guest that signed in was logged out");
  await screenshot(page, "member-signed-in-again");
});

test("the reader page logged no error in the browser", () => {
  assert.deepEqual(consoleErrors, []);
});

test("a page whose origin is not in allowed_origins is refused: realm-web's first call fails and no user is created", async () => {
  // The exact origin allowed: a new visitor (fresh storage) becomes a guest.
  await allowOrigins([pageOrigin]);
  const allowed = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  allowed.setDefaultTimeout(15000);
  const allowedPage = await allowed.newPage();
  await allowedPage.goto(pageUrl);
  assert.match((await reader(allowedPage, "guest")).id, /^[0-9a-f]{24}$/);
  await allowed.close();

  // Only some other origin allowed: the browser refuses the page's very first call to Atrium.
  await allowOrigins(["https://blog.example.com"]);
  const usersBefore = await userCount();
  const refused = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  refused.setDefaultTimeout(15000);
  const refusedPage = await refused.newPage();
  const errors = [];
  refusedPage.on("console", (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
  atriumCalls = [];
  recordAtriumCalls(refusedPage);
  await refusedPage.goto(pageUrl);
  const shown = await reader(refusedPage, "error");
  assert.match(shown.status, /^Could not reach Atrium at .*: Failed to fetch\./);
  assert.equal(shown.id, "—", "no user shown");
  assert.deepEqual((await calls()).map((c) => `${c.method} ${c.path} ${c.outcome}`),
    ["GET /api/client/v2.0/app/:id/location net::ERR_FAILED"], "the first call failed and nothing followed");
  assert.ok(errors.some((e) => e.includes(`from origin '${pageOrigin}' has been blocked by CORS policy`)
    && e.includes("No 'Access-Control-Allow-Origin' header")), `Chromium's report:\n${errors.join("\n")}`);
  assert.equal(await userCount(), usersBefore, "the server created no user");
  await screenshot(refusedPage, "refused-origin");
  await refused.close();
  await allowOrigins(["*"]);
});
