// The users page: search (an e-mail prefix or a user id), filters and sort (kept in the URL), the
// table with its identity column and per-user actions (cards on a narrow screen), the total,
// cursor paging (next from the API's next_cursor, previous from the cursors seen), adding a user
// and bulk delete by filter.

import { admin } from "./api.js";
import { go, href } from "./routes.js";
import { busy, h, replace, showError, time } from "./ui.js";
import { userActionButtons } from "./user-actions.js";
import { bulkDeleteByFilter, filterForm, filterFromQuery } from "./user-filters.js";
import { addUserForm } from "./user-create.js";

const SORTS = [["created", "Created, oldest first"], ["-created", "Created, newest first"],
  ["last_active", "Last active, longest ago first"], ["-last_active", "Last active, most recent first"]];

const PAGE_SIZES = [10, 25, 50, 100, 200];
/** Paging of the last list shown: cursors[i] fetches page i (null: the first). */
let paging = { key: null, cursors: [null], index: 0 };

export async function renderUsers(root, { appId, query }) {
  const filter = filterFromQuery(query);
  const asked = Number(query.get("limit"));
  const limit = Number.isInteger(asked) && asked >= 1 && asked <= 500 ? asked : 25; // the API's range
  const sort = SORTS.some(([v]) => v === query.get("sort")) ? query.get("sort") : "created";
  const key = JSON.stringify([appId, filter, limit, sort]);
  if (paging.key !== key) paging = { key, cursors: [null], index: 0 };

  const tableArea = h("div", { class: "table-wrap" });
  const pageLabel = h("span", { class: "page-label", "aria-live": "polite" });
  const prev = h("button", { type: "button", text: "← Previous page" });
  const next = h("button", { type: "button", text: "Next page →" });
  const bulk = h("button", { type: "button", class: "danger", text: "Delete all matching…" });

  const load = async () => {
    const cursor = paging.cursors[paging.index] ?? undefined;
    const page = await admin.users(appId, filter, { limit, cursor, sort: sort === "created" ? undefined : sort });
    const users = page?.users ?? [];
    const nextCursor = page?.next_cursor ?? null;
    paging.cursors[paging.index + 1] = nextCursor;
    paging.cursors.length = paging.index + 2;
    prev.disabled = paging.index === 0;
    next.disabled = !nextCursor;
    const from = paging.index * limit + 1;
    const total = Number(page?.total ?? users.length);
    pageLabel.textContent = `Page ${paging.index + 1} · ${users.length
      ? `users ${from}–${from + users.length - 1} of ${total.toLocaleString("en")}` : `no user of ${total.toLocaleString("en")}`}`;
    pageLabel.dataset.total = String(total);
    replace(tableArea, usersTable(appId, users, load, sort, (s) => go(appId, "users", undefined, queryOf(filter, limit, s))));
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
    go(appId, "users", undefined, queryOf({ ...newFilter, search: filter.search }, newLimit, sort));
  });
  const sortSelect = h("select", { id: "u-sort" }, SORTS.map(([v, text]) => h("option", { value: v, text, selected: v === sort })));
  sortSelect.addEventListener("change", () => go(appId, "users", undefined, queryOf(filter, limit, sortSelect.value)));

  replace(root,
    h("div", { class: "page-head" },
      h("h1", { tabindex: "-1", text: "Users" }),
      addUserForm(appId, (user) => go(appId, "user", user.id))),
    searchForm(filter.search, (text) => go(appId, "users", undefined, queryOf({ ...filter, search: text || undefined }, limit, sort))),
    form,
    h("div", { class: "toolbar wrap" },
      pageLabel,
      h("span", { class: "spacer" }),
      h("div", { class: "field inline" }, h("label", { for: "u-sort", text: "Sort" }), sortSelect),
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

/** The URL query of a filter, page size and sort (defaults left out). */
function queryOf(filter, limit, sort) {
  const q = {};
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null && v !== "") q[k] = String(v);
  if (limit !== 25) q.limit = String(limit);
  if (sort && sort !== "created") q.sort = sort;
  return q;
}

/** The search box: a user id, or the start of an e-mail address. */
function searchForm(current, onSearch) {
  const input = h("input", { id: "u-search", type: "search", name: "search", value: current ?? "", autocomplete: "off",
    spellcheck: "false", maxlength: 254, "aria-describedby": "u-search-hint" });
  const form = h("form", { class: "search", role: "search", "aria-label": "Search users" },
    h("label", { for: "u-search", text: "Search users" }),
    h("div", { class: "search-row" }, input,
      h("button", { type: "submit", class: "primary", text: "Search" }),
      current ? h("button", { type: "button", class: "clear-search", text: "Clear search" }) : null),
    h("span", { id: "u-search-hint", class: "hint", text: "The start of an e-mail address (ann@, ann@example.com) or a user id." }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSearch(input.value.trim());
  });
  form.querySelector(".clear-search")?.addEventListener("click", () => onSearch(""));
  return form;
}

/** The identity column: the e-mail, else the lasting identity (provider: subject), else "guest". */
function identityCell(u) {
  if (u.email) return h("span", { class: "identity", text: u.email });
  if (u.identity) return h("span", { class: "identity" }, h("span", { class: "hint", text: `${u.identity.provider_type}: ` }),
    h("span", { class: "mono", text: u.identity.subject }));
  return h("span", { class: "hint", text: "guest" });
}

/** A column header that sorts by `key`; aria-sort says the current order. */
function sortHeader(text, key, sort, onSort) {
  const active = sort.replace("-", "") === key;
  const descending = sort.startsWith("-");
  const next = active && !descending ? `-${key}` : key;
  const button = h("button", { type: "button", class: "sort", text: `${text}${active ? (descending ? " ↓" : " ↑") : ""}`,
    "aria-label": `${text}: sort ${next.startsWith("-") ? "newest" : "oldest"} first` });
  button.addEventListener("click", () => onSort(next));
  return h("th", { scope: "col", "aria-sort": active ? (descending ? "descending" : "ascending") : null }, button);
}

function usersTable(appId, users, reload, sort, onSort) {
  const head = ["User ID", "Identity", "Kind", "Providers", "Status", "Created", "Last active", "Actions"];
  const cell = (label, ...content) => h("td", { "data-label": label }, ...content);
  const rows = users.map((u) => h("tr", { "data-user-id": u.id },
    cell("User ID", h("a", { class: "mono", href: href(appId, "user", u.id), text: u.id })),
    cell("Identity", identityCell(u)),
    cell("Kind", kindBadge(u)),
    cell("Providers", (u.providers ?? []).length
      ? u.providers.map((p, i) => [i ? ", " : null, h("span", { class: "nowrap", text: p })])
      : "—"),
    cell("Status", u.disabled ? h("span", { class: "badge warn", text: "disabled" }) : h("span", { class: "badge ok", text: "enabled" })),
    cell("Created", time(u.created_at)),
    cell("Last active", time(u.last_active_at)),
    cell("Actions", userActionButtons(appId, u, async () => {
      await reload();
      refocus(u.id);
    }))));
  return h("table", { class: "users stack" },
    h("caption", { class: "visually-hidden", text: "Users matching the search and filters" }),
    h("thead", {}, h("tr", {}, head.map((t) => (t === "Created" ? sortHeader(t, "created", sort, onSort)
      : t === "Last active" ? sortHeader(t, "last_active", sort, onSort) : h("th", { scope: "col", text: t }))))),
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
