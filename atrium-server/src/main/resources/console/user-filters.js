// The user filters of the admin API (kind, disabled, provider, inactive_since, created_after,
// created_before): the form, their URL form, and bulk delete by filter (dry-run count first).

import { admin } from "./api.js";
import { confirmDialog, formatTime, fromLocalInput, h, showStatus, toLocalInput } from "./ui.js";

const DATES = [
  ["inactive_since", "Inactive since", "Last activity before this time"],
  ["created_after", "Created after", "At or after this time"],
  ["created_before", "Created before", "Before this time"],
];

/** The filter of a URL query: only known keys with valid values. `disabled` is a boolean. */
export function filterFromQuery(query) {
  const filter = {};
  if (["anonymous", "linked"].includes(query.get("kind"))) filter.kind = query.get("kind");
  if (["true", "false"].includes(query.get("disabled"))) filter.disabled = query.get("disabled") === "true";
  if (query.get("provider")) filter.provider = query.get("provider");
  if (query.get("search")?.trim()) filter.search = query.get("search").trim();
  for (const [name] of DATES) {
    const value = query.get(name);
    if (value && !Number.isNaN(new Date(value).getTime())) filter[name] = new Date(value).toISOString();
  }
  return filter;
}

/** Words for a filter, e.g. "anonymous users, created after 2024-05-01 10:00". */
export function describeFilter(filter) {
  const parts = [];
  if (filter.search) parts.push(`matching "${filter.search}"`);
  if (filter.kind) parts.push(filter.kind === "anonymous" ? "anonymous users (guests) only" : "linked users only");
  if (filter.disabled !== undefined) parts.push(filter.disabled ? "disabled" : "enabled");
  if (filter.provider) parts.push(`with a ${filter.provider} identity`);
  for (const [name, label] of DATES) if (filter[name]) parts.push(`${label.toLowerCase()} ${formatTime(filter[name])}`);
  return parts.length ? parts.join("; ") : "no filter: every user of the app";
}

const select = (id, label, value, options) => h("div", { class: "field" },
  h("label", { for: id, text: label }),
  h("select", { id, name: id }, options.map(([v, text]) => h("option", { value: v, text, selected: v === value }))));

/**
 * The filter form; `onApply(filter, limit)` runs on submit (Apply) and on Clear. `providerTypes`:
 * the installed providers (GET /providers), plus the filter's own when it names another.
 */
export function filterForm(filter, limit, pageSizes, providerTypes, onApply) {
  const anyOf = (list) => [["", "Any"], ...list];
  const providers = filter.provider && !providerTypes.includes(filter.provider)
    ? [...providerTypes, filter.provider] : providerTypes;
  const form = h("form", { class: "filters", "aria-label": "Filter users" },
    h("fieldset", {},
      h("legend", { text: "Filters" }),
      h("div", { class: "fields" },
        select("f-kind", "Kind", filter.kind ?? "", anyOf([["anonymous", "Anonymous only (guests)"], ["linked", "Linked"]])),
        select("f-disabled", "Status", filter.disabled === undefined ? "" : String(filter.disabled),
          anyOf([["true", "Disabled only"], ["false", "Enabled only"]])),
        select("f-provider", "Provider", filter.provider ?? "", anyOf(providers.map((p) => [p, p]))),
        DATES.map(([name, label, hint]) => h("div", { class: "field" },
          h("label", { for: `f-${name}`, text: label }),
          h("input", { id: `f-${name}`, name, type: "datetime-local", value: toLocalInput(filter[name]), title: hint }))),
        select("f-limit", "Page size", String(limit), pageSizes.map((n) => [String(n), String(n)]))),
      h("div", { class: "buttons" },
        h("button", { type: "submit", class: "primary", text: "Apply filters" }),
        h("button", { type: "button", class: "clear", text: "Clear filters" }))));

  const read = () => {
    const f = {};
    const v = (id) => form.querySelector(`#${id}`).value;
    if (v("f-kind")) f.kind = v("f-kind");
    if (v("f-disabled")) f.disabled = v("f-disabled") === "true";
    if (v("f-provider")) f.provider = v("f-provider");
    for (const [name] of DATES) {
      const iso = fromLocalInput(v(`f-${name}`));
      if (iso) f[name] = iso;
    }
    return f;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onApply(read(), Number(form.querySelector("#f-limit").value));
  });
  form.querySelector("button.clear").addEventListener("click", () => onApply({}, Number(form.querySelector("#f-limit").value)));
  return form;
}

/**
 * Bulk delete by `filter`: counts first (dry run), shows the count in the confirmation, then
 * deletes. Resolves true when users were deleted.
 */
export async function bulkDeleteByFilter(appId, filter) {
  const dry = await admin.bulkDelete(appId, filter, true);
  const count = dry?.count ?? 0;
  if (count === 0) {
    showStatus("No user matches the current filter: nothing to delete.");
    return false;
  }
  const noFilter = Object.keys(filter).length === 0;
  const ok = await confirmDialog({
    title: `Delete ${count} user${count === 1 ? "" : "s"}?`,
    body: [
      h("p", { class: "count" }, "Dry run: ", h("strong", { "data-dry-run-count": count, text: String(count) }),
        ` user${count === 1 ? " matches" : "s match"} the current filter (${describeFilter(filter)}).`),
      noFilter ? h("p", { class: "warning", text: "There is no filter: this deletes every user of the app." }) : null,
      "Users are deleted with their identities, sessions and credentials (e-mail/password accounts, API keys); a user.deleted event (reason admin) is sent for each. This cannot be undone. Users that match when you confirm are deleted, so the final number can differ.",
    ].filter(Boolean),
    confirmLabel: `Delete ${count} user${count === 1 ? "" : "s"}`,
  });
  if (!ok) return false;
  const done = await admin.bulkDelete(appId, filter, false, noFilter); // confirmed with the warning above
  showStatus(`Deleted ${done?.count ?? 0} user${done?.count === 1 ? "" : "s"}.`);
  return true;
}
