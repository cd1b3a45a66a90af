// Adding an e-mail/password user from the users page: created with a password the operator sets
// (confirmed, no mail), or invited (a reset link goes out by the app's reset channel, to choose a
// password). Both need the e-mail/password provider enabled; the API says so when it is not.

import { admin } from "./api.js";
import { busy, h, showError, showStatusOnNextPage } from "./ui.js";

export function addUserForm(appId, onCreated) {
  const email = h("input", { id: "n-email", type: "email", required: true, autocomplete: "off", spellcheck: "false" });
  const password = h("input", { id: "n-password", type: "password", autocomplete: "new-password", "aria-describedby": "n-password-hint" });
  const create = h("button", { type: "submit", class: "primary", text: "Create user" });
  const invite = h("button", { type: "button", text: "Invite user" });
  const form = h("form", { class: "add-user", novalidate: true, "aria-label": "Add a user" },
    h("div", { class: "fields" },
      h("div", { class: "field" }, h("label", { for: "n-email", text: "E-mail" }), email),
      h("div", { class: "field" }, h("label", { for: "n-password", text: "Password" }), password,
        h("span", { id: "n-password-hint", class: "hint", text: "6 to 128 characters. To let the person choose it, invite instead." }))),
    h("div", { class: "buttons" }, create, invite));
  const needEmail = () => {
    if (email.value.trim()) return true;
    showError(new Error("Enter the user's e-mail address."));
    email.focus();
    return false;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!needEmail()) return;
    if (!password.value) {
      showError(new Error("Enter a password, or invite the user to choose one."));
      password.focus();
      return;
    }
    busy(create, async () => {
      const user = await admin.createUser(appId, email.value.trim(), password.value);
      showStatusOnNextPage(`User ${user.id} created for ${user.email}.`);
      onCreated(user);
    });
  });
  invite.addEventListener("click", () => {
    if (!needEmail()) return;
    busy(invite, async () => {
      const user = await admin.inviteUser(appId, email.value.trim());
      showStatusOnNextPage(`Invitation sent to ${user.email}: a link to choose a password (user ${user.id}).`);
      onCreated(user);
    });
  });
  return h("details", { class: "add-user-panel" }, h("summary", { text: "Add a user" }), form);
}
