// One user: kind, status and activity timestamps, identities, sessions, passkeys (each revocable),
// custom data, and the same actions as in the table.

import { admin } from "./api.js";
import { go, href } from "./routes.js";
import { busy, confirmDialog, h, pretty, replace, showStatus, time } from "./ui.js";
import { userActionButtons } from "./user-actions.js";
import { passkeysSection } from "./user-passkeys.js";
import { kindBadge } from "./users.js";

export async function renderUserDetail(root, { appId, id }) {
  const load = () => Promise.all([admin.user(appId, id), admin.passkeys(appId, id)]);
  const [user, passkeys] = await load();
  const rerender = async (action) => {
    if (action === "delete") {
      go(appId, "users");
      return;
    }
    const [fresh, keys] = await load();
    replace(root, ...view(appId, fresh, keys.passkeys ?? [], rerender));
  };
  replace(root, ...view(appId, user, passkeys.passkeys ?? [], rerender));
}

function view(appId, user, passkeys, after) {
  const identities = user.identities ?? [];
  const sessions = user.sessions ?? [];
  return [
    h("p", { class: "crumbs" }, h("a", { href: href(appId, "users"), text: "← All users" })),
    h("h1", { tabindex: "-1" }, "User ", h("span", { class: "mono", text: user.id })),
    h("div", { class: "detail-head" },
      h("dl", { class: "facts" },
        fact("Kind", kindBadge(user)),
        fact("E-mail", user.email ?? "—"),
        fact("Type", user.type ?? "—"),
        fact("Status", user.disabled ? h("span", { class: "badge warn", text: "disabled" }) : h("span", { class: "badge ok", text: "enabled" })),
        fact("Created", time(user.created_at)),
        fact("Last active", time(user.last_active_at)),
        fact("Providers", (user.providers ?? []).join(", ") || "—")),
      h("div", { class: "detail-actions" }, userActionButtons(appId, user, after), resetButton(appId, user))),

    h("section", { "aria-labelledby": "identities-title" },
      h("h2", { id: "identities-title", text: `Identities (${identities.length})` }),
      table("Identities", ["Identity ID", "Provider", "Created", "Provider data"], identities.map((i) => [
        h("span", { class: "mono", text: i.id ?? "—" }),
        i.provider_type,
        time(i.created_at),
        i.provider_data && Object.keys(i.provider_data).length ? h("pre", { class: "json", text: pretty(i.provider_data) }) : "—",
      ]), "No identity.")),

    h("section", { "aria-labelledby": "sessions-title" },
      h("h2", { id: "sessions-title", text: `Sessions (${sessions.length})` }),
      table("Sessions", ["Session ID", "Device ID", "Created", "Expires"], sessions.map((s) => [
        h("span", { class: "mono", text: s.id }),
        h("span", { class: "mono", text: s.device_id ?? "—" }),
        time(s.created_at),
        time(s.expires_at),
      ]), "No active session.")),

    passkeysSection(appId, user, passkeys, after, table),

    h("section", { "aria-labelledby": "custom-title" },
      h("h2", { id: "custom-title", text: "Custom data" }),
      user.custom_data && Object.keys(user.custom_data).length
        ? h("pre", { class: "json", text: pretty(user.custom_data) })
        : h("p", { class: "hint", text: "None." })),
  ];
}

/** "Send password reset", for a user with a password (the API says so): a reset link by the app's reset channel. */
function resetButton(appId, user) {
  if (!user.password_reset) return null;
  const button = h("button", { type: "button", class: "small", text: "Send password reset",
    "aria-label": `Send password reset to user ${user.id}` });
  button.addEventListener("click", () => busy(button, async () => {
    const ok = await confirmDialog({
      title: `Send a password reset to ${user.email ?? user.id}?`,
      body: "A reset link goes out by the app's reset channel (e-mail or webhook). The password stays as it is until the link is used; using it ends the user's sessions.",
      confirmLabel: "Send reset", danger: false,
    });
    if (!ok) {
      button.focus();
      return;
    }
    const sent = await admin.sendPasswordReset(appId, user.id);
    showStatus(`A password reset went to ${sent.sent_to}.`);
  }));
  return button;
}

function fact(label, value) {
  return h("div", {}, h("dt", { text: label }), h("dd", {}, value));
}

function table(caption, head, rows, empty) {
  return h("div", { class: "table-wrap" },
    h("table", {},
      h("caption", { class: "visually-hidden", text: caption }),
      h("thead", {}, h("tr", {}, head.map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, rows.length
        ? rows.map((cells) => h("tr", {}, cells.map((c) => h("td", {}, c))))
        : h("tr", {}, h("td", { colspan: head.length, class: "empty", text: empty })))));
}
