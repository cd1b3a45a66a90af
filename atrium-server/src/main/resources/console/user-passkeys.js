// A user's passkeys on the user page (docs/providers/passkey.md): what each is, when it was last
// used, and a Revoke button behind a confirmation. A revoked passkey logs in no more; the user
// keeps its passkey identity.

import { admin } from "./api.js";
import { busy, confirmDialog, h, showStatus, time } from "./ui.js";

/** The section; `after("revoke-passkey")` runs once a passkey was revoked; `table` draws the rows as the page's other tables. */
export function passkeysSection(appId, user, passkeys, after, table) {
  return h("section", { "aria-labelledby": "passkeys-title", class: "passkeys" },
    h("h2", { id: "passkeys-title", text: `Passkeys (${passkeys.length})` }),
    table("Passkeys", ["Name", "Credential ID", "Created", "Last used", "Synced", ""], passkeys.map((p) => [
      p.name,
      h("span", { class: "mono", text: p.credential_id }),
      time(p.created_at),
      p.last_used_at ? time(p.last_used_at) : "never",
      p.backed_up ? "yes" : p.backup_eligible ? "may be" : "no",
      revokeButton(appId, user, p, after),
    ]), "No passkey."));
}

function revokeButton(appId, user, passkey, after) {
  const button = h("button", {
    type: "button",
    class: "danger small",
    "data-passkey-id": passkey.id,
    "aria-label": `Revoke passkey ${passkey.name} (${passkey.credential_id}) of user ${user.id}`,
    text: "Revoke",
  });
  button.addEventListener("click", async () => {
    const ok = await confirmDialog({
      title: `Revoke passkey ${passkey.name}?`,
      body: [
        "The passkey logs in no more, on every device it was synced to. This cannot be undone.",
        "The user keeps its account and its passkey identity, and may register another passkey.",
      ],
      confirmLabel: "Revoke passkey",
    });
    if (!ok) {
      button.focus();
      return;
    }
    await busy(button, async () => {
      await admin.revokePasskey(appId, user.id, passkey.id);
      showStatus(`Passkey ${passkey.name} of user ${user.id} is revoked.`);
      await after("revoke-passkey");
    });
  });
  return button;
}
