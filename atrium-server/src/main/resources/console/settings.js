// App settings: token lifetimes, guest inactivity, guest sign-up limits, sign-in abuse limits, the
// webhook, what becomes of merged guests and the browser origins allowed to call the client API
// (CORS). Lifetimes are durations (30m, 90d; the API keeps seconds), the origins a list. Saving
// sends only the fields that changed (PATCH …/settings keeps omitted ones).

import { admin } from "./api.js";
import { busy, h, replace, showError, showStatus, time } from "./ui.js";
import { durationInput, listEditor } from "./fields.js";

const NUMBERS = [
  ["access_token_lifetime_s", "Access token lifetime", true],
  ["refresh_token_lifetime_s", "Refresh token lifetime", true],
  ["inactivity_s", "Delete guests inactive for", true],
  ["activity_granularity_s", "Record activity at most every", true],
  ["guest_rate_per_hour", "Guest sign-ups per hour per client address", false],
  ["guest_burst", "Guest sign-up burst per client address", false],
  ["guest_app_budget_per_hour", "Guest sign-ups per hour for the whole app", false, "0 = no app-wide limit"],
];

// Throttles where guessing or flooding pays (per node); each is a bucket: a burst, then a rate. 1 or more.
const THROTTLES = [
  ["login_failure_burst", "Failed password logins before an account is locked", false, "known e-mail or not"],
  ["login_failure_rate_per_hour", "Failed password logins given back per hour, per account", false],
  ["email_burst", "Confirmation and reset messages at once, per address", false],
  ["email_rate_per_hour", "Confirmation and reset messages per hour, per address", false],
  ["network_burst", "Logins, sign-ups and token requests at once, per client network", false, "per route family"],
  ["network_rate_per_minute", "Logins, sign-ups and token requests per minute, per client network", false],
];
const MINIMUM = Object.fromEntries([...NUMBERS.map(([name]) => [name, 0]), ...THROTTLES.map(([name]) => [name, 1])]);

export async function renderSettings(root, { appId }) {
  const app = await admin.app(appId);
  const draw = (settings) => replace(root, ...view(appId, app, settings ?? {}, draw));
  draw(app.settings);
}

function view(appId, app, settings, redraw) {
  const durations = {};
  const numberField = ([name, label, duration, note]) => {
    if (duration) {
      const d = durationInput({ id: `s-${name}`, name, label, seconds: settings[name], required: true });
      durations[name] = d;
      return h("div", { class: "field" }, h("label", { for: `s-${name}`, text: label }), d.input, d.hint);
    }
    const input = h("input", { id: `s-${name}`, name, type: "number", min: MINIMUM[name], step: 1, inputmode: "numeric",
      required: true, "aria-describedby": note ? `s-${name}-hint` : null });
    input.value = settings[name] ?? "";
    const hint = note ? h("span", { id: `s-${name}-hint`, class: "hint", text: note }) : null;
    return h("div", { class: "field" }, h("label", { for: `s-${name}`, text: label }), input, hint);
  };
  const url = h("input", { id: "s-webhook_url", name: "webhook_url", type: "url", placeholder: "https://…", autocomplete: "off" });
  url.value = settings.webhook_url ?? "";
  const secret = h("input", { id: "s-webhook_secret", name: "webhook_secret", type: "password", autocomplete: "new-password",
    "aria-describedby": "s-webhook_secret-hint" });
  const removeSecret = h("input", { id: "s-webhook_secret-remove", type: "checkbox" });
  const merged = mergedGuestField(settings.merged_guest ?? "delete");
  const origins = originsField(settings.allowed_origins ?? ["*"]);
  const save = h("button", { type: "submit", class: "primary", text: "Save settings" });
  const form = h("form", { class: "settings", novalidate: true },
    h("fieldset", {}, h("legend", { text: "Tokens and activity" }), h("div", { class: "fields" }, NUMBERS.slice(0, 4).map(numberField))),
    h("fieldset", {}, h("legend", { text: "Guest sign-up limits" }), h("div", { class: "fields" }, NUMBERS.slice(4).map(numberField))),
    h("fieldset", {}, h("legend", { text: "Sign-in abuse limits (counted on each node)" }), h("div", { class: "fields" }, THROTTLES.map(numberField))),
    h("fieldset", {}, h("legend", { text: "Lifecycle webhook" }),
      h("div", { class: "fields" },
        h("div", { class: "field wide" }, h("label", { for: "s-webhook_url", text: "Webhook URL" }), url),
        h("div", { class: "field wide" }, h("label", { for: "s-webhook_secret", text: "Webhook secret" }), secret,
          h("span", { id: "s-webhook_secret-hint", class: "hint",
            text: settings.webhook_secret_set ? "A secret is set. Type a new one to replace it; leave empty to keep it."
              : "No secret is set: deliveries are not signed." })),
        settings.webhook_secret_set ? h("div", { class: "field check" }, removeSecret,
          h("label", { for: "s-webhook_secret-remove", text: "Remove the secret" })) : null)),
    merged.fieldset,
    origins.fieldset,
    h("div", { class: "buttons" }, save));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(save, async () => {
      const patch = {};
      for (const [name, label] of [...NUMBERS, ...THROTTLES]) {
        if (durations[name]) {
          let seconds;
          try {
            seconds = durations[name].read();
          } catch (err) {
            showError(err);
            err.field.focus();
            return;
          }
          if (seconds === null) {
            showError(new Error(`${label}: enter a duration, e.g. 30m, 12h or 90d.`));
            durations[name].input.focus();
            return;
          }
          if (seconds !== settings[name]) patch[name] = seconds;
          continue;
        }
        const raw = form.querySelector(`#s-${name}`).value.trim();
        const value = Number(raw);
        if (raw === "" || !Number.isInteger(value) || value < MINIMUM[name]) {
          showError(new Error(`${label}: enter a whole number of ${MINIMUM[name]} or more.`));
          form.querySelector(`#s-${name}`).focus();
          return;
        }
        if (value !== settings[name]) patch[name] = value;
      }
      if (url.value.trim() !== (settings.webhook_url ?? "")) patch.webhook_url = url.value.trim();
      if (secret.value) patch.webhook_secret = secret.value;
      else if (removeSecret.checked) patch.webhook_secret = ""; // the API stores "" as no secret
      if (merged.value() !== (settings.merged_guest ?? "delete")) patch.merged_guest = merged.value();
      const allowed = origins.value();
      if (JSON.stringify(allowed) !== JSON.stringify(settings.allowed_origins ?? ["*"])) patch.allowed_origins = allowed;
      if (Object.keys(patch).length === 0) {
        showStatus("Nothing changed.");
        return;
      }
      const saved = await admin.patchSettings(appId, patch);
      redraw(saved);
      showStatus(`Settings saved (${Object.keys(patch).join(", ")}).`);
    });
  });

  return [
    h("h1", { tabindex: "-1", text: "App settings" }),
    h("dl", { class: "facts" },
      h("div", {}, h("dt", { text: "App" }), h("dd", { text: app.name ?? "—" })),
      h("div", {}, h("dt", { text: "App ID" }), h("dd", { class: "mono", text: app.id })),
      h("div", {}, h("dt", { text: "Created" }), h("dd", {}, time(app.created_at)))),
    form,
  ];
}

/**
 * What becomes of a guest merged into the user whose identity it proved it owns: deleted after its
 * user.merged event (the default), or kept, its sessions ended, for the app to delete.
 */
function mergedGuestField(current) {
  const radio = (value, label) => {
    const input = h("input", { id: `s-merged_guest-${value}`, type: "radio", name: "merged_guest", value, checked: current === value });
    return { input, choice: h("div", { class: "choice" }, input, h("label", { for: input.id, text: label })) };
  };
  const del = radio("delete", "Delete the guest (after its user.merged event)");
  const keep = radio("keep", "Keep the guest for the app to delete");
  const fieldset = h("fieldset", {}, h("legend", { text: "Merged guests" }),
    h("div", { class: "fields" },
      h("div", { class: "choices" }, del.choice, keep.choice),
      h("span", { class: "hint wide", text: "A guest that links an identity another user holds may be merged into that user. "
        + "The webhook's user.merged event says so, so your app can move the guest's data; kept guests have no sessions." })));
  return { fieldset, value: () => (keep.input.checked ? "keep" : "delete") };
}

/**
 * Which browser origins may call the client API: any (["*"], the default) or a list, an input per
 * origin (none: no browser page). The server checks and normalises the entries and names a bad one.
 */
function originsField(current) {
  const isAny = current.length === 1 && current[0] === "*";
  const any = h("input", { id: "s-origins-any", type: "radio", name: "origins-mode", value: "any", checked: isAny });
  const listed = h("input", { id: "s-origins-listed", type: "radio", name: "origins-mode", value: "listed", checked: !isAny });
  const list = listEditor({ id: "s-allowed_origins", label: "Allowed origins", items: isAny ? [] : current, type: "url",
    itemLabel: "Allowed origin", placeholder: "https://blog.example", addLabel: "Add an origin", disabled: isAny });
  for (const radio of [any, listed]) radio.addEventListener("change", () => list.setDisabled(any.checked));
  const fieldset = h("fieldset", {}, h("legend", { text: "Browser apps (CORS)" }),
    h("div", { class: "fields" },
      h("div", { class: "choices" },
        h("div", { class: "choice" }, any, h("label", { for: "s-origins-any", text: "Any origin" })),
        h("div", { class: "choice" }, listed, h("label", { for: "s-origins-listed", text: "Only these origins" }))),
      h("div", { class: "field wide" }, h("span", { class: "label", id: "s-allowed_origins-label", text: "Allowed origins" }), list.element,
        h("span", { id: "s-allowed_origins-hint", class: "hint",
          text: "Exact origins (https://blog.example, http://127.0.0.1:5173) or every subdomain (https://*.example.com). "
            + "None: no browser page may call the client API. Other origins are still served, but their pages cannot read the answers." }))));
  const value = () => (any.checked ? ["*"] : list.read());
  return { fieldset, value };
}
