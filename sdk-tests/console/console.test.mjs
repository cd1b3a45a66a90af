// The Atrium web console in headless Chromium, driven by playwright-core, against a real server
// (started and seeded by ConsoleBrowserTest). The steps run in order in one browser tab, as an
// operator would click through them; each saves a screenshot.
//
// Environment:
//   ATRIUM_BASE_URL        the server (the console is at /console/)
//   ATRIUM_ADMIN_TOKEN     a valid admin token
//   ATRIUM_APP_ID          the app the seed went to
//   ATRIUM_GUEST_IDS       comma-separated ids of seeded guests (anonymous users)
//   ATRIUM_LINKED_ID       id of a seeded guest linked to e-mail/password
//   ATRIUM_PROVIDER_SECRET a custom-token shared secret the test configures and must never see again
//   ATRIUM_SCREENSHOT_DIR  where the PNGs go
//   ATRIUM_CHROMIUM        the Chromium binary (default /usr/bin/chromium); never downloaded

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`environment variable ${name} is not set (ConsoleBrowserTest sets it)`);
  return value;
};
const BASE = env("ATRIUM_BASE_URL").replace(/\/+$/, "");
const TOKEN = env("ATRIUM_ADMIN_TOKEN");
const APP_ID = env("ATRIUM_APP_ID");
const GUESTS = env("ATRIUM_GUEST_IDS").split(",");
const LINKED = env("ATRIUM_LINKED_ID");
const SHOTS = env("ATRIUM_SCREENSHOT_DIR");
const PROVIDER_SECRET = env("ATRIUM_PROVIDER_SECRET");
const CHROMIUM = env("ATRIUM_CHROMIUM", "/usr/bin/chromium");
const ADMIN = `${BASE}/api/admin/v1/apps/${APP_ID}`;

let browser;
let page;
let shot = 0;
const consoleErrors = [];

/** The admin API directly (what the console shows is checked against it). */
async function api(method, path, { token = TOKEN, body } = {}) {
  const res = await fetch(path.startsWith("http") ? path : ADMIN + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function screenshot(name) {
  shot += 1;
  await page.screenshot({ path: join(SHOTS, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
}

/** The ids in the users table, in order. */
async function tableIds() {
  await page.locator("table.users").waitFor();
  return page.locator("table.users tbody tr[data-user-id]").evaluateAll((rows) => rows.map((r) => r.dataset.userId));
}

const statusText = () => page.locator("#status").textContent();

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, timezoneId: "UTC" });
  context.setDefaultTimeout(15000);
  page = await context.newPage();
  page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });
  page.on("pageerror", (err) => consoleErrors.push(`page error: ${err.message}`));
});

after(async () => {
  await browser?.close();
});

test("sign in: a wrong token shows the API's error, the right one opens the console", async () => {
  const refused = await api("GET", `${BASE}/api/admin/v1/apps`, { token: "atr_wrong" });
  assert.equal(refused.status, 401);

  await page.goto(`${BASE}/console`);
  assert.match(page.url(), /\/console\/$/, "GET /console redirects to /console/");
  await page.getByLabel("Admin token").fill("atr_wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByRole("alert");
  await alert.filter({ hasText: refused.json.error }).waitFor();
  assert.ok((await alert.textContent()).includes(refused.json.error_code));
  assert.equal(await page.evaluate(() => sessionStorage.getItem("atrium.console.token")), null, "a refused token is not kept");
  assert.ok(await page.locator("#topbar").isHidden());
  await screenshot("sign-in-refused");

  await page.getByLabel("Admin token").fill(TOKEN);
  await page.getByLabel("Admin token").press("Enter"); // the keyboard submits the form
  await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem("atrium.console.token")), TOKEN);
  assert.equal(await page.getByLabel("App", { exact: true }).inputValue(), APP_ID);
  const ids = await tableIds();
  for (const id of [...GUESTS, LINKED]) assert.ok(ids.includes(id), `user ${id} listed: ${ids}`);
  assert.ok(await page.locator("#error").isHidden(), "the error is cleared after signing in");
  await screenshot("users");
});

test("filter anonymous only: the table lists the guests and no linked user", async () => {
  await page.getByLabel("Kind").selectOption("anonymous");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(/kind=anonymous/);
  await page.waitForFunction((linked) => !document.querySelector(`tr[data-user-id="${linked}"]`)
    && document.querySelectorAll("table.users tbody tr[data-user-id]").length > 0, LINKED);
  const ids = await tableIds();
  const expected = (await api("GET", "/users?kind=anonymous&limit=25")).json.users.map((u) => u.id);
  assert.deepEqual(ids, expected, "the table shows exactly the API's anonymous users");
  for (const id of GUESTS) assert.ok(ids.includes(id), `guest ${id} listed`);
  assert.ok(!ids.includes(LINKED), "the linked user is filtered out");
  const kinds = await page.locator("table.users tbody td .badge.guest, table.users tbody td .badge.linked").allTextContents();
  assert.deepEqual([...new Set(kinds)], ["anonymous"]);
  await screenshot("guests-only");
});

test("paging: next and previous pages follow the API's cursor", async () => {
  // Five users, two a page (a page size the URL may carry): three pages.
  const first = (await api("GET", "/users?limit=2")).json;
  const second = (await api("GET", `/users?limit=2&cursor=${encodeURIComponent(first.next_cursor)}`)).json;
  await page.goto(`${BASE}/console/#/${APP_ID}/users?limit=2`);
  const next = page.getByRole("button", { name: "Next page →" });
  const prev = page.getByRole("button", { name: "← Previous page" });
  const ids = async (expected) => {
    await page.waitForFunction((want) => [...document.querySelectorAll("table.users tbody tr[data-user-id]")]
      .map((r) => r.dataset.userId).join() === want, expected.join());
  };
  await ids(first.users.map((u) => u.id));
  assert.equal(await page.getByLabel("Page size").inputValue(), "2");
  assert.ok(await prev.isDisabled(), "no previous page on the first");
  await next.click();
  await ids(second.users.map((u) => u.id));
  await page.locator(".page-label").filter({ hasText: "Page 2" }).waitFor();
  await screenshot("users-page-2");
  await next.click();
  await page.locator(".page-label").filter({ hasText: "Page 3" }).waitFor();
  assert.equal(await page.locator("table.users tbody tr[data-user-id]").count(), 1);
  assert.ok(await next.isDisabled(), "no next page on the last");
  await prev.click();
  await ids(second.users.map((u) => u.id));
  await prev.click();
  await ids(first.users.map((u) => u.id));

  // A laptop-sized window that is narrower still shows every control.
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshot("users-1024px");
  await page.setViewportSize({ width: 1366, height: 800 });
});

test("user detail shows identities, sessions and activity of the linked user", async () => {
  await page.goto(`${BASE}/console/#/${APP_ID}/user/${LINKED}`);
  await page.getByRole("heading", { level: 1, name: `User ${LINKED}` }).waitFor();
  const identities = page.locator("section", { has: page.getByRole("heading", { name: /Identities/ }) });
  await identities.getByRole("cell", { name: "local-userpass", exact: true }).waitFor();
  await identities.getByRole("cell", { name: "anon-user", exact: true }).waitFor();
  assert.equal(await page.locator("section", { has: page.getByRole("heading", { name: /Sessions/ }) })
    .locator("tbody tr").count(), 2, "its own, and the one the seeded merge opened on the merged guest's device");
  assert.equal(await page.locator(".facts time").count(), 2, "created and last active are shown");
  await screenshot("user-detail");
  await page.getByRole("link", { name: "← All users" }).click();
  await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
});

test("delete one guest: cancel keeps it, confirm deletes it, and the API agrees", async () => {
  const guest = GUESTS[0];
  await page.goto(`${BASE}/console/#/${APP_ID}/users?kind=anonymous`);
  await page.locator(`tr[data-user-id="${guest}"]`).waitFor();
  const deleteButton = page.getByRole("button", { name: `Delete user ${guest}` });

  await deleteButton.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("heading", { name: `Delete user ${guest}?` }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Cancel", "Cancel has the focus first");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), `Delete user ${guest}`,
    "the focus returns to the button");
  await dialog.getByRole("heading").waitFor({ state: "hidden" });
  await deleteButton.click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "hidden" });
  assert.equal((await api("GET", `/users/${guest}`)).status, 200, "cancel deletes nothing");

  await deleteButton.click();
  await dialog.getByRole("heading", { name: `Delete user ${guest}?` }).waitFor();
  await screenshot("confirm-delete");
  await dialog.getByRole("button", { name: "Delete user" }).click();
  await page.locator(`tr[data-user-id="${guest}"]`).waitFor({ state: "detached" });
  assert.match(await statusText(), new RegExp(`User ${guest} is deleted`));
  const gone = await api("GET", `/users/${guest}`);
  assert.equal(gone.status, 404);
  assert.equal(gone.json.error_code, "UserNotFound");
  await screenshot("guest-deleted");
});

test("provider toggle: anon-user disabled refuses guest logins (AuthProviderNotFound), enabled again allows them", async () => {
  await page.getByRole("link", { name: "Providers" }).click();
  await page.getByRole("heading", { level: 1, name: "Providers" }).waitFor();
  const card = page.locator('[data-provider="anon-user"]');
  const toggle = page.getByRole("switch", { name: "Enabled (anon-user)" });
  assert.equal(await toggle.isChecked(), true);

  await toggle.uncheck();
  await card.locator('[data-state="disabled"]').waitFor();
  assert.match(await statusText(), /anon-user is disabled/);
  assert.equal(await page.getByRole("switch", { name: "Enabled (anon-user)" }).isChecked(), false);
  const listed = (await api("GET", "/providers")).json.find((p) => p.type === "anon-user");
  assert.equal(listed.enabled, false);
  const login = await fetch(`${BASE}/api/client/v2.0/app/${APP_ID}/auth/providers/anon-user/login`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: "{}",
  });
  assert.equal(login.status, 404);
  assert.equal((await login.json()).error_code, "AuthProviderNotFound");
  await screenshot("anon-user-disabled");

  await page.getByRole("switch", { name: "Enabled (anon-user)" }).check();
  await card.locator('[data-state="enabled"]').waitFor();
  assert.equal((await api("GET", "/providers")).json.find((p) => p.type === "anon-user").enabled, true);
  const again = await fetch(`${BASE}/api/client/v2.0/app/${APP_ID}/auth/providers/anon-user/login`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: "{}",
  });
  assert.equal(again.status, 200);
  await screenshot("anon-user-enabled");
});

test("provider config: an invalid config shows the API's error and changes nothing", async () => {
  const area = page.getByLabel("Configuration of api-key (JSON)");
  await area.fill('{"bogus": 1}');
  await page.locator('[data-provider="api-key"]').getByRole("button", { name: "Save configuration" }).click();
  const put = await api("PUT", "/providers/api-key", { body: { config: { bogus: 1 } } });
  assert.equal(put.status, 400);
  await page.getByRole("alert").filter({ hasText: put.json.error }).waitFor();
  await screenshot("provider-config-refused");
});

test("provider config: a secret is never shown back, and saving the config as shown keeps it", async () => {
  const config = { shared_secret: PROVIDER_SECRET, audience: "console", issuer: "https://id.console.example", algorithms: ["HS256"] };
  const put = await api("PUT", "/providers/custom-token", { body: { enabled: false, config } });
  assert.equal(put.status, 200);
  assert.equal(put.json.config.shared_secret_set, true);
  assert.ok(!JSON.stringify(put.json).includes(PROVIDER_SECRET), "the API's answer has no secret");
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Providers" }).waitFor();
  const area = page.getByLabel("Configuration of custom-token (JSON)");
  await area.waitFor();
  assert.match(await area.inputValue(), /"shared_secret_set": true/);
  assert.ok(!(await page.content()).includes(PROVIDER_SECRET), "the page has no secret");

  await page.locator('[data-provider="custom-token"]').getByRole("button", { name: "Save configuration" }).click();
  await page.locator("#status").filter({ hasText: "Configuration of custom-token saved" }).waitFor();
  const after = (await api("GET", "/providers")).json.find((p) => p.type === "custom-token");
  assert.equal(after.config.shared_secret_set, true, "the secret was kept (ConsoleBrowserTest checks its value)");
  assert.equal(after.config.audience, "console");
  await screenshot("provider-secret-hidden");
});

test("provider settings: a card per installed provider, listing the settings it declares, secrets marked write-only", async () => {
  const installed = (await api("GET", `${BASE}/api/admin/v1/providers`)).json;
  for (const p of installed) assert.equal(await page.locator(`[data-provider="${p.type}"]`).count(), 1, p.type);
  const card = page.locator('[data-provider="custom-token"]');
  await card.getByText("Settings of custom-token").click();
  const declared = installed.find((p) => p.type === "custom-token").settings.map((s) => s.name);
  assert.deepEqual(await card.locator("dt[data-setting]").evaluateAll((dts) => dts.map((d) => d.dataset.setting)), declared);
  assert.match(await card.locator('dt[data-setting="shared_secret"] + dd').innerText(), /write-only/);
  assert.doesNotMatch(await card.locator('dt[data-setting="audience"] + dd').innerText(), /write-only/);
  await screenshot("provider-settings-reference");
});

test("app settings: a refused change shows the API's error; a valid one is saved", async () => {
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { level: 1, name: "App settings" }).waitFor();
  const before = (await api("GET", "")).json.settings;
  await page.getByLabel("Delete guests inactive for (seconds)").fill("60");
  await page.getByLabel("Record activity at most every (seconds)").fill("7200");
  await page.getByRole("button", { name: "Save settings" }).click();
  const refused = await api("PATCH", "/settings", { body: { inactivity_s: 60, activity_granularity_s: 7200 } });
  assert.equal(refused.status, 400);
  await page.getByRole("alert").filter({ hasText: refused.json.error }).waitFor();
  assert.deepEqual((await api("GET", "")).json.settings, before, "nothing changed");
  await screenshot("settings-refused");

  await page.getByLabel("Record activity at most every (seconds)").fill(String(before.activity_granularity_s));
  await page.getByLabel("Delete guests inactive for (seconds)").fill(String(30 * 86400));
  await page.getByLabel("Failed password logins before an account is locked").fill("5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.locator("#status").filter({ hasText: "Settings saved" }).waitFor();
  const app = (await api("GET", "")).json;
  assert.equal(app.settings.inactivity_s, 30 * 86400);
  assert.equal(app.settings.login_failure_burst, 5);
  assert.equal(app.settings.network_rate_per_minute, before.network_rate_per_minute, "untouched fields keep their value");
  await screenshot("settings-saved");
});

test("app settings: browser origins (CORS): a bad entry is refused naming it; a list is saved normalised", async () => {
  assert.deepEqual((await api("GET", "")).json.settings.allowed_origins, ["*"], "any origin by default");
  assert.equal(await page.getByLabel("Any origin").isChecked(), true);
  const list = page.getByLabel("Allowed origins, one per line");
  assert.equal(await list.isDisabled(), true, "no list while any origin is allowed");

  await page.getByLabel("Only these origins").check();
  await list.fill("https://blog.example\nhttps://blog.example/app");
  await page.getByRole("button", { name: "Save settings" }).click();
  const refused = await api("PATCH", "/settings", { body: { allowed_origins: ["https://blog.example", "https://blog.example/app"] } });
  assert.equal(refused.status, 400);
  assert.match(refused.json.error, /'https:\/\/blog\.example\/app' is not an origin: it has a path/);
  await page.getByRole("alert").filter({ hasText: refused.json.error }).waitFor();
  assert.deepEqual((await api("GET", "")).json.settings.allowed_origins, ["*"], "nothing changed");
  await screenshot("settings-origins-refused");

  await list.fill("HTTPS://Blog.Example:443\nhttps://*.example.com");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.locator("#status").filter({ hasText: "Settings saved (allowed_origins)" }).waitFor();
  const saved = ["https://blog.example", "https://*.example.com"];
  assert.deepEqual((await api("GET", "")).json.settings.allowed_origins, saved);
  assert.equal(await list.inputValue(), saved.join("\n"), "the page shows the normalised list");
  assert.equal(await page.getByLabel("Only these origins").isChecked(), true);
  await screenshot("settings-origins-saved");
});

test("app settings: merged guests are deleted by default; keeping them is saved, and deleting again", async () => {
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "App settings" }).waitFor();
  assert.equal((await api("GET", "")).json.settings.merged_guest, "delete");
  assert.equal(await page.getByLabel("Delete the guest (after its user.merged event)").isChecked(), true);
  await page.getByLabel("Keep the guest for the app to delete").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.locator("#status").filter({ hasText: "Settings saved (merged_guest)" }).waitFor();
  assert.equal((await api("GET", "")).json.settings.merged_guest, "keep");
  await screenshot("settings-merged-guest-keep");
  await page.getByLabel("Delete the guest (after its user.merged event)").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.locator("#status").filter({ hasText: "Settings saved (merged_guest)" }).waitFor();
  assert.equal((await api("GET", "")).json.settings.merged_guest, "delete");
});

test("stats: users by kind and an SVG chart of guest sign-ups and conversions", async () => {
  const stats = (await api("GET", "/stats?hours=48")).json;
  await page.getByRole("link", { name: "Stats" }).click();
  await page.getByRole("heading", { level: 1, name: "Stats" }).waitFor();
  const chart = page.locator("svg#signups-chart");
  await chart.waitFor();
  assert.ok((await chart.locator("circle.point").count()) >= 1, "the chart has data points");
  const signupValues = await chart.locator('[data-series="guest_signups"] circle.point')
    .evaluateAll((points) => points.map((p) => Number(p.dataset.value)));
  const apiSignups = stats.hours.reduce((a, h) => a + h.guest_signups, 0);
  assert.equal(signupValues.reduce((a, v) => a + v, 0), apiSignups, "the points add up to the API's sign-ups");
  assert.ok(apiSignups >= GUESTS.length, `the seeded guests are counted (${apiSignups})`);
  const conversions = await chart.locator('[data-series="conversions"] circle.point')
    .evaluateAll((points) => points.reduce((a, p) => a + Number(p.dataset.value), 0));
  assert.equal(conversions, stats.hours.reduce((a, h) => a + h.conversions, 0));
  assert.ok(conversions >= 1, "the linked guest is a conversion");
  for (const kind of ["total", "anonymous", "linked", "disabled"]) {
    assert.equal(await page.locator(`[data-stat="${kind}"] .value`).textContent(), String(stats.users[kind]), kind);
  }
  await screenshot("stats");
});

test("stats: conversions by provider, links and merges apart, as a chart and a table", async () => {
  const stats = (await api("GET", "/stats?hours=48")).json;
  const local = stats.conversions.find((c) => c.provider === "local-userpass");
  assert.deepEqual(local, { provider: "local-userpass", linked: 1, merged: 1, total: 2 }, "the seeded link and merge");
  const section = page.getByRole("region", { name: "Conversions by provider" });
  await section.waitFor();
  const chart = section.locator("svg#conversions-chart");
  const points = await chart.locator('[data-series="by:local-userpass"] circle.point')
    .evaluateAll((ps) => ps.reduce((a, p) => a + Number(p.dataset.value), 0));
  assert.equal(points, 2, "the provider's line adds up to its conversions");
  const row = section.locator('#conversions-table tr[data-provider="local-userpass"] td');
  assert.deepEqual(await row.allTextContents(), ["local-userpass", "1", "1", "2"], "provider, linked, merged, total");
  assert.equal(await page.locator('[data-stat="period-merges"] .value').textContent(),
    String(stats.hours.reduce((a, h) => a + h.merges, 0)));
  await section.scrollIntoViewIfNeeded();
  await screenshot("stats-conversions-by-provider");
});

test("bulk delete by filter: the dry-run count is shown first, then the guests are deleted", async () => {
  await page.goto(`${BASE}/console/#/${APP_ID}/users?kind=anonymous`);
  await page.locator("table.users tbody tr[data-user-id]").first().waitFor();
  const dry = (await api("POST", "/users/bulk-delete", { body: { kind: "anonymous", dry_run: true } })).json;
  assert.ok(dry.count >= 1);
  await page.getByRole("button", { name: "Delete all matching…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("heading", { name: `Delete ${dry.count} user${dry.count === 1 ? "" : "s"}?` }).waitFor();
  assert.equal(await dialog.locator("[data-dry-run-count]").textContent(), String(dry.count));
  await screenshot("bulk-delete-dry-run");
  await dialog.getByRole("button", { name: /^Delete \d+ users?$/ }).click();
  await page.locator("#status").filter({ hasText: `Deleted ${dry.count} user` }).waitFor();
  await page.getByRole("cell", { name: "No user matches these filters." }).waitFor();
  assert.equal((await api("GET", "/users?kind=anonymous")).json.users.length, 0);
  assert.equal((await api("GET", `/users/${LINKED}`)).status, 200, "the linked user is not touched");
  await screenshot("bulk-deleted");
});

test("bulk delete with no filter warns that every user goes, then deletes them all", async () => {
  for (let i = 0; i < 2; i++) {
    const login = await fetch(`${BASE}/api/client/v2.0/app/${APP_ID}/auth/providers/anon-user/login`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: "{}",
    });
    assert.equal(login.status, 200);
  }
  const everyone = (await api("POST", "/users/bulk-delete", { body: {} })).json.count;
  assert.ok(everyone >= 2);
  await page.goto(`${BASE}/console/#/${APP_ID}/users`);
  await page.locator("table.users tbody tr[data-user-id]").first().waitFor();
  await page.getByRole("button", { name: "Delete all matching…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("There is no filter: this deletes every user of the app.").waitFor();
  await screenshot("bulk-delete-everyone");
  await dialog.getByRole("button", { name: /^Delete \d+ users?$/ }).click();
  await page.locator("#status").filter({ hasText: `Deleted ${everyone} user` }).waitFor();
  assert.equal((await api("GET", "/users")).json.users.length, 0);
});

test("the console logged no error in the browser", () => {
  // The refused sign-in (401) and the refused config (400) are failed loads the browser logs; nothing else may fail.
  const unexpected = consoleErrors.filter((e) => !/status of 40[01]/.test(e));
  assert.deepEqual(unexpected, []);
});
