// The actions on one user, each behind a confirmation: disable, enable, revoke sessions, delete.
// Shared by the users table and the user detail page.

import { admin } from "./api.js";
import { busy, confirmDialog, h, showError, showStatus } from "./ui.js";

const ACTIONS = {
  disable: {
    label: "Disable",
    title: (id) => `Disable user ${id}?`,
    body: "A disabled user cannot log in or refresh its tokens (UserDisabled). Its sessions stay until they are revoked or expire; you can enable it again.",
    confirm: "Disable user",
    run: (appId, id) => admin.disableUser(appId, id),
    done: (id) => `User ${id} is disabled.`,
  },
  enable: {
    label: "Enable",
    title: (id) => `Enable user ${id}?`,
    body: "The user can log in and refresh its tokens again.",
    confirm: "Enable user",
    danger: false,
    run: (appId, id) => admin.enableUser(appId, id),
    done: (id) => `User ${id} is enabled.`,
  },
  revoke: {
    label: "Revoke sessions",
    title: (id) => `Revoke every session of user ${id}?`,
    body: "Every refresh token of the user stops working; its devices must log in again. Access tokens already issued stay valid until they expire.",
    confirm: "Revoke sessions",
    run: (appId, id) => admin.revokeSessions(appId, id),
    done: (id, result) => `Revoked ${result?.revoked ?? 0} session(s) of user ${id}.`,
  },
  delete: {
    label: "Delete",
    title: (id) => `Delete user ${id}?`,
    body: [
      "The user, its identities, sessions and credentials (e-mail/password account, API keys) are deleted now; this cannot be undone and the id is never reused.",
      "A user.deleted event (reason admin) is sent; the app's own data is not touched.",
    ],
    confirm: "Delete user",
    run: (appId, id) => admin.deleteUser(appId, id),
    done: (id) => `User ${id} is deleted.`,
  },
};

/** Asks, then runs action `name` on the user; resolves true when it ran. */
export async function runUserAction(name, appId, user, button) {
  const action = ACTIONS[name];
  const ok = await confirmDialog({
    title: action.title(user.id),
    body: action.body,
    confirmLabel: action.confirm,
    danger: action.danger ?? true,
  });
  if (!ok) {
    button?.focus();
    return false;
  }
  let ran = false;
  await busy(button, async () => {
    const result = await action.run(appId, user.id);
    showStatus(action.done(user.id, result));
    ran = true;
  });
  return ran;
}

/**
 * The action buttons for `user` (Disable or Enable, Revoke sessions, Delete); `after(name)` runs
 * once an action succeeded. Buttons name the user for screen readers.
 */
export function userActionButtons(appId, user, after) {
  const names = [user.disabled ? "enable" : "disable", "revoke", "delete"];
  return h("div", { class: "actions" }, names.map((name) => {
    const button = h("button", {
      type: "button",
      class: name === "delete" ? "danger small" : "small",
      "data-action": name,
      "aria-label": `${ACTIONS[name].label} user ${user.id}`,
      text: ACTIONS[name].label,
    });
    button.addEventListener("click", async () => {
      if (!(await runUserAction(name, appId, user, button))) return;
      try {
        await after(name);
      } catch (err) {
        showError(err);
      }
    });
    return button;
  }));
}
