// The sign-in form: an admin token is tried against the API (GET /apps) and kept in
// sessionStorage only when the server accepts it; a refused token shows the API's error text.

import { admin, adminToken } from "./api.js";
import { clearMessages, h, replace, showError } from "./ui.js";

export function renderSignIn(main, { error, onSignedIn }) {
  clearMessages();
  const input = h("input", {
    id: "token-input",
    name: "token",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    "aria-describedby": "token-help",
  });
  const submit = h("button", { type: "submit", class: "primary", text: "Sign in" });
  const form = h("form", { class: "signin-form", novalidate: true },
    h("label", { for: "token-input", text: "Admin token" }),
    input,
    h("p", { id: "token-help", class: "hint" },
      "The token starts with atr_. On first start the server writes one to the file ",
      h("code", { text: "admin-token" }), " in its data directory (the path is printed at start). ",
      "It is kept in this tab only, until you sign out or close the tab."),
    submit);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      showError(new Error("Enter an admin token."));
      input.focus();
      return;
    }
    submit.disabled = true;
    try {
      await admin.apps(token);
      adminToken.set(token);
      clearMessages();
      await onSignedIn();
    } catch (err) {
      showError(err);
      input.select();
      input.focus();
    } finally {
      submit.disabled = false;
    }
  });

  replace(main,
    h("section", { class: "signin", "aria-labelledby": "signin-title" },
      h("h1", { id: "signin-title", tabindex: "-1", text: "Sign in to the Atrium console" }),
      form));
  if (error) showError(error);
  input.focus();
}
