// Admin tokens of the server: list (the one this tab signed in with is marked), create (the secret
// is shown once, here, and never again), revoke after a confirmation.

import { admin, adminToken } from "./api.js";
import { busy, confirmDialog, h, replace, showStatus, time } from "./ui.js";

export async function renderTokens(root) {
  const tokens = await admin.tokens();
  const name = h("input", { id: "t-name", type: "text", required: true, maxlength: 64, autocomplete: "off" });
  const create = h("button", { type: "submit", class: "primary", text: "Create token" });
  const shown = h("div", { class: "token-shown", "aria-live": "polite" });
  const form = h("form", { class: "inline-form", "aria-labelledby": "create-token-title", novalidate: true },
    h("div", { class: "field" }, h("label", { for: "t-name", text: "Name (what the token is for)" }), name), create);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(create, async () => {
      const made = await admin.createToken(name.value.trim());
      await renderTokens(root);
      const secret = h("input", { id: "t-secret", type: "text", readonly: true, class: "mono", value: made.token });
      replace(root.querySelector(".token-shown"),
        h("div", { class: "card once" },
          h("h3", { text: `Token ${made.name} (${made.id})` }),
          h("p", { class: "warning", text: "Copy it now: it is shown only this once and cannot be shown again." }),
          h("label", { for: "t-secret", text: "New admin token" }), secret));
      secret.focus();
      secret.select();
      showStatus(`Admin token ${made.name} created.`);
    });
  });

  replace(root,
    h("h1", { tabindex: "-1", text: "Admin tokens" }),
    h("p", { class: "hint", text: "Admin tokens open this console, the admin API and the CLI, for every app of the server. Only their hash is stored." }),
    h("section", { "aria-labelledby": "create-token-title" }, h("h2", { id: "create-token-title", text: "Create a token" }), form, shown),
    h("section", { "aria-labelledby": "tokens-title" },
      h("h2", { id: "tokens-title", text: `Tokens (${tokens.length})` }),
      h("div", { class: "table-wrap" },
        h("table", { class: "tokens stack" },
          h("caption", { class: "visually-hidden", text: "Admin tokens" }),
          h("thead", {}, h("tr", {}, ["Name", "ID", "Created", "Actions"].map((t) => h("th", { scope: "col", text: t })))),
          h("tbody", {}, tokens.map((t) => h("tr", { "data-token": t.id },
            h("td", { "data-label": "Name" }, t.name, t.current ? h("span", { class: "badge ok", text: "this tab" }) : null),
            h("td", { "data-label": "ID", class: "mono", text: t.id }),
            h("td", { "data-label": "Created" }, time(t.created_at)),
            h("td", { "data-label": "Actions" }, revokeButton(root, t)))))))));
}

function revokeButton(root, token) {
  const button = h("button", { type: "button", class: "danger small", text: "Revoke", "aria-label": `Revoke token ${token.name}` });
  button.addEventListener("click", () => busy(button, async () => {
    const ok = await confirmDialog({
      title: `Revoke token ${token.name}?`,
      body: [
        "Whoever uses it (a script, the CLI, another console) is refused from now on. This cannot be undone.",
        token.current ? h("p", { class: "warning", text: "This tab is signed in with it: you will be signed out." }) : null,
      ].filter(Boolean),
      confirmLabel: "Revoke token",
    });
    if (!ok) {
      button.focus();
      return;
    }
    await admin.revokeToken(token.id);
    if (token.current) {
      adminToken.clear();
      location.reload();
      return;
    }
    await renderTokens(root);
    showStatus(`Admin token ${token.name} is revoked.`);
    root.querySelector("h1")?.focus();
  }));
  return button;
}
