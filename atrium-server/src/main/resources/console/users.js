// The users page: filters (kept in the URL), the table with per-user actions, cursor paging
// (next from the API's next_cursor, previous from the cursors seen) and bulk delete by filter.

import { admin } from "./api.js";
import { go, href } from "./routes.js";
import { busy, h, replace, showError, time } from "./ui.js";
import { userActionButtons } from "./user-actions.js";
import { bulkDeleteByFilter, filterForm, filterFromQuery } from "./user-filters.js";

const PAGE_SIZES = [10, 25, 50, 100, 200];
/** Paging of the last list shown: cursors[i] fetches page i (null: the first). */
let paging = { key: null, cursors: [null], index: 0 };

export async function renderUsers(root, { appId, query }) {
  const filter = filterFromQuery(query);
  const asked = Number(query.get("limit"));
  const limit = Number.isInteger(asked) && asked >= 1 && asked <= 500 ? asked : 25; // the API's range
  const key = JSON.stringify([appId, filter, limit]);
  if (paging.key !== key) paging = { key, cursors: [null], index: 0 };

  const tableArea = h("div", { class: "table-wrap" });
  const pageLabel = h("span", { class: "page-label", "aria-live": "polite" });
  const prev = h("button", { type: "button", text: "← Previous page" });
  const next = h("button", { type: "button", text: "Next page →" });
  const bulk = h("button", { type: "button", class: "danger", text: "Delete all matching…" });

  const load = async () => {
    const cursor = paging.cursors[paging.index] ?? undefined;
    const page = await admin.users(appId, filter, { limit, cursor });
    const users = page?.users ?? [];
    const nextCursor = page?.next_cursor ?? null;
    paging.cursors[paging.index + 1] = nextCursor;
    paging.cursors.length = paging.index + 2;
    prev.disabled = paging.index === 0;
    next.disabled = !nextCursor;
    pageLabel.textContent = `Page ${paging.index + 1} · ${users.length} user${users.length === 1 ? "" : "s"} shown`;
    replace(tableArea, usersTable(appId, users, load));
  };

  // load() sets both buttons from the page it got; while it runs, neither can be pressed again.
  const step = (delta) => async () => {
    const was = paging.index;
    prev.disabled = next.disabled = true;
    paging.index = Math.max(0, was + delta);
    try {
      await load();
    } catch (err) {
      paging.index = was;
      prev.disabled = was === 0;
      next.disabled = !paging.cursors[was + 1];
      showError(err);
    }
  };
  prev.addEventListener("click", step(-1));
  next.addEventListener("click", step(1));
  bulk.addEventListener("click", () => busy(bulk, async () => {
    if (await bulkDeleteByFilter(appId, filter)) {
      paging = { key, cursors: [null], index: 0 };
      await load();
    }
  }));

  const sizes = PAGE_SIZES.includes(limit) ? PAGE_SIZES : [...PAGE_SIZES, limit].sort((a, b) => a - b);
  const installed = await admin.installedProviders().catch((err) => {
    showError(err);
    return [];
  });
  const form = filterForm(filter, limit, sizes, installed.map((p) => p.type), (newFilter, newLimit) => {
    go(appId, "users", undefined, queryOf(newFilter, newLimit));
  });

  replace(root,
    h("h1", { tabindex: "-1", text: "Users" }),
    form,
    h("div", { class: "toolbar" },
      pageLabel,
      h("span", { class: "spacer" }),
      bulk),
    tableArea,
    h("nav", { class: "pager", "aria-label": "Pages of users" }, prev, next));
  try {
    await load();
  } catch (err) {
    replace(tableArea, h("p", { class: "empty", text: "The users could not be loaded." }));
    prev.disabled = next.disabled = true;
    throw err;
  }
}

/** The URL query of a filter (defaults left out). */
function queryOf(filter, limit) {
  const q = {};
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null && v !== "") q[k] = String(v);
  if (limit !== 25) q.limit = String(limit);
  return q;
}

function usersTable(appId, users, reload) {
  const head = ["User ID", "Kind", "Providers", "Status", "Created", "Last active", "Actions"];
  const rows = users.map((u) => h("tr", { "data-user-id": u.id },
    h("td", {}, h("a", { class: "mono", href: href(appId, "user", u.id), text: u.id })),
    h("td", {}, kindBadge(u)),
    h("td", {}, (u.providers ?? []).length
      ? u.providers.map((p, i) => [i ? ", " : null, h("span", { class: "nowrap", text: p })])
      : "—"),
    h("td", {}, u.disabled ? h("span", { class: "badge warn", text: "disabled" }) : h("span", { class: "badge ok", text: "enabled" })),
    h("td", {}, time(u.created_at)),
    h("td", {}, time(u.last_active_at)),
    h("td", {}, userActionButtons(appId, u, async () => {
      await reload();
      refocus(u.id);
    }))));
  return h("table", { class: "users" },
    h("caption", { class: "visually-hidden", text: "Users matching the filters" }),
    h("thead", {}, h("tr", {}, head.map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colspan: head.length, class: "empty", text: "No user matches these filters." }))));
}

/** After an action the table is drawn anew: the focus goes back to the user's row, or to the table. */
function refocus(userId) {
  const row = [...document.querySelectorAll("table.users tr[data-user-id]")].find((r) => r.dataset.userId === userId);
  const target = row?.querySelector("button[data-action]") ?? document.querySelector("main h1");
  target?.focus();
}

export function kindBadge(user) {
  const kind = user.anonymous ? "anonymous" : "linked";
  return h("span", {},
    h("span", { class: `badge ${user.anonymous ? "guest" : "linked"}`, text: kind }),
    user.type && user.type !== "normal" ? h("span", { class: "hint", text: ` ${user.type}` }) : null);
}
