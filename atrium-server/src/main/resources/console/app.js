// Entry point: sign-in state, the app picker, and the hash router
// (#/<appId>/<page>[/<id>][?<filters>]) that renders one view into <main>.

import { admin, adminToken, onUnauthorized } from "./api.js";
import { clearMessages, h, replace, showError } from "./ui.js";
import { currentRoute, go, href } from "./routes.js";
import { renderSignIn } from "./signin.js";
import { renderUsers } from "./users.js";
import { renderUserDetail } from "./user-detail.js";
import { renderProviders } from "./providers.js";
import { renderSettings } from "./settings.js";
import { renderStats } from "./stats.js";
import { renderKeys } from "./keys.js";
import { renderEvents } from "./events.js";
import { renderTokens } from "./tokens.js";

const PAGES = {
  users: { title: "Users", render: renderUsers },
  user: { title: "User", render: renderUserDetail, nav: "users" },
  providers: { title: "Providers", render: renderProviders },
  settings: { title: "App settings", render: renderSettings },
  stats: { title: "Stats", render: renderStats },
  keys: { title: "Signing keys", render: renderKeys },
  events: { title: "Events", render: renderEvents },
  tokens: { title: "Admin tokens", render: renderTokens },
};
const APP_KEY = "atrium.console.app";

const main = document.getElementById("main");
const topbar = document.getElementById("topbar");
const picker = document.getElementById("app-picker");
let apps = [];
let lastPlace = null;

async function boot() {
  if (!adminToken.get()) {
    signedOut();
    return;
  }
  try {
    apps = await admin.apps();
  } catch (err) {
    if (err.status === 401) return; // onUnauthorized showed the sign-in form with the error
    showError(err);
    return;
  }
  replace(picker, apps.map((a) => h("option", { value: a.id, text: a.name ? `${a.name} (${a.id})` : a.id })));
  topbar.hidden = false;
  render();
}

function signedOut(err) {
  adminToken.clear();
  topbar.hidden = true;
  renderSignIn(main, { error: err, onSignedIn: boot });
}

async function render() {
  if (!adminToken.get()) return signedOut();
  if (!/^#\//.test(location.hash) && location.hash !== "") return; // an in-page anchor, not a route
  const route = currentRoute();
  if (apps.length === 0) {
    clearMessages();
    replace(main, h("h1", { text: "No apps" }), h("p", { text: "This server hosts no app yet: create one with `atrium apps create`." }));
    return;
  }
  const known = apps.find((a) => a.id === route.appId);
  if (!known || !PAGES[route.page]) {
    const appId = apps.some((a) => a.id === sessionStorage.getItem(APP_KEY)) ? sessionStorage.getItem(APP_KEY) : apps[0].id;
    history.replaceState(null, "", href(appId, PAGES[route.page] && known ? route.page : "users"));
    return render();
  }
  sessionStorage.setItem(APP_KEY, known.id);
  picker.value = known.id;
  const page = PAGES[route.page];
  for (const link of document.querySelectorAll("#nav a")) {
    link.href = href(known.id, link.dataset.page);
    if (link.dataset.page === (page.nav ?? route.page)) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.title = `${page.title} · ${known.name ?? known.id} · Atrium console`;
  clearMessages();
  // Each render draws into its own container: a slow render overtaken by a newer one draws into a
  // detached node and never over the newer page.
  const view = h("div", { class: "view" }, h("p", { class: "loading", text: "Loading…" }));
  replace(main, view);
  const where = `${known.id}/${route.page}/${route.id ?? ""}`;
  try {
    await page.render(view, { app: known, appId: known.id, id: route.id, query: route.query });
  } catch (err) {
    if (!view.isConnected) return;
    showError(err);
    if (view.querySelector(".loading")) replace(view, h("h1", { tabindex: "-1", text: page.title }));
  }
  if (!view.isConnected) return;
  // A new page (not a new filter or page of the same list) moves the focus to its heading.
  if (where !== lastPlace) view.querySelector("h1")?.focus({ preventScroll: true });
  lastPlace = where;
}

picker.addEventListener("change", () => go(picker.value, currentRoute().page === "user" ? "users" : currentRoute().page));
document.getElementById("sign-out").addEventListener("click", () => {
  apps = [];
  history.replaceState(null, "", location.pathname);
  signedOut();
});
document.getElementById("skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener("hashchange", render);
onUnauthorized((err) => signedOut(err));

boot();
