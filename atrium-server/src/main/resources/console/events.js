// Lifecycle events of the app: the webhook's state (its latest error, how many deliveries wait for
// a retry, and a button to retry them now), then recent events by state and type (kept in the URL).

import { admin } from "./api.js";
import { go } from "./routes.js";
import { busy, confirmDialog, h, replace, showStatus, time } from "./ui.js";

const STATES = [["", "Any"], ["pending", "Pending"], ["failed", "Failed (waiting for a retry)"], ["delivered", "Delivered"],
  ["skipped", "Skipped (no webhook)"]];
const TYPES = [["", "Any"], ["user.created", "user.created"], ["user.linked", "user.linked"], ["user.merged", "user.merged"],
  ["user.deleted", "user.deleted"]];

export async function renderEvents(root, { appId, query }) {
  const state = STATES.some(([v]) => v && v === query.get("state")) ? query.get("state") : "";
  const type = TYPES.some(([v]) => v && v === query.get("type")) ? query.get("type") : "";
  const [webhook, events] = await Promise.all([admin.webhookState(appId), admin.events(appId, { state, type, limit: 100 })]);

  const select = (id, label, value, options) => h("div", { class: "field" }, h("label", { for: id, text: label }),
    h("select", { id }, options.map(([v, text]) => h("option", { value: v, text, selected: v === value }))));
  const form = h("form", { class: "filters", "aria-label": "Filter events" },
    h("fieldset", {}, h("legend", { text: "Filters" }),
      h("div", { class: "fields" }, select("e-state", "State", state, STATES), select("e-type", "Type", type, TYPES)),
      h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary", text: "Apply filters" }))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = {};
    if (form.querySelector("#e-state").value) q.state = form.querySelector("#e-state").value;
    if (form.querySelector("#e-type").value) q.type = form.querySelector("#e-type").value;
    go(appId, "events", undefined, q);
  });

  replace(root,
    h("h1", { tabindex: "-1", text: "Events" }),
    webhookPanel(appId, webhook, () => renderEvents(root, { appId, query })),
    form,
    h("p", { class: "hint", text: `${events.length} most recent event${events.length === 1 ? "" : "s"} shown, newest first.` }),
    h("div", { class: "table-wrap" }, eventsTable(events)));
}

function webhookPanel(appId, webhook, reload) {
  const retry = h("button", { type: "button", class: "primary", text: "Retry failed deliveries", disabled: webhook.failing === 0 });
  retry.addEventListener("click", () => busy(retry, async () => {
    const ok = await confirmDialog({
      title: `Retry ${webhook.failing} failed deliver${webhook.failing === 1 ? "y" : "ies"} now?`,
      body: "They are sent again on the next delivery pass (within a second or so), in order per user, instead of at the end of their backoff.",
      confirmLabel: "Retry now",
      danger: false,
    });
    if (!ok) {
      retry.focus();
      return;
    }
    const done = await admin.retryEvents(appId);
    await reload();
    showStatus(`${done.retried} failed deliver${done.retried === 1 ? "y is" : "ies are"} due again.`);
  }));
  return h("section", { class: `card webhook ${webhook.failing ? "failing" : ""}`.trim(), "aria-labelledby": "webhook-title" },
    h("h2", { id: "webhook-title", text: "Webhook" }),
    h("dl", { class: "facts" },
      h("div", {}, h("dt", { text: "URL" }), h("dd", { class: "mono", text: webhook.webhook_url ?? "none (events are skipped)" })),
      h("div", {}, h("dt", { text: "Failed, waiting for a retry" }), h("dd", { "data-failing": webhook.failing, text: String(webhook.failing) })),
      webhook.last_error ? h("div", {}, h("dt", { text: "Last error" }),
        h("dd", { class: "last-error" }, h("span", { class: "mono", text: webhook.last_error }),
          h("span", { class: "hint", text: ` (${webhook.last_error_event}, ${webhook.attempts} attempt${webhook.attempts === 1 ? "" : "s"}; next ` }),
          time(webhook.next_attempt_at), h("span", { class: "hint", text: ")" }))) : null),
    h("div", { class: "buttons" }, retry));
}

function eventsTable(events) {
  const head = ["Event", "Type", "User", "Detail", "Created", "State", "Attempts", "Last error"];
  return h("table", { class: "events stack" },
    h("caption", { class: "visually-hidden", text: "Recent events" }),
    h("thead", {}, h("tr", {}, head.map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, events.length ? events.map((e) => h("tr", { "data-event": e.id, "data-state": e.state },
      h("td", { "data-label": "Event", class: "mono", text: e.id }),
      h("td", { "data-label": "Type", text: e.type }),
      h("td", { "data-label": "User", class: "mono", text: e.user_id }),
      h("td", { "data-label": "Detail", text: e.detail }),
      h("td", { "data-label": "Created" }, time(e.created_at)),
      h("td", { "data-label": "State" }, h("span", { class: `badge ${stateClass(e)}`, text: e.attempts && e.state === "pending" ? "failed" : e.state })),
      h("td", { "data-label": "Attempts", text: String(e.attempts) }),
      h("td", { "data-label": "Last error", class: "mono", text: e.last_error ?? "—" })))
      : h("tr", {}, h("td", { colspan: head.length, class: "empty", text: "No event matches these filters." }))));
}

function stateClass(e) {
  if (e.state === "delivered") return "ok";
  if (e.state === "pending") return e.attempts ? "warn" : "off";
  return "off";
}
