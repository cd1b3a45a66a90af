// Signing keys of the app: the active key and the retired ones still published, with their
// algorithm; a rotation (POST …/signing_keys/rotate) after a warning of what it changes.

import { admin } from "./api.js";
import { busy, confirmDialog, h, replace, showStatus, time } from "./ui.js";

const ALGORITHMS = [["", "Keep the current algorithm"], ["ES256", "ES256 (P-256; every common JWT library)"],
  ["EdDSA", "EdDSA (Ed25519; only verifiers that support it)"]];

export async function renderKeys(root, { appId }) {
  const keys = await admin.signingKeys(appId);
  const alg = h("select", { id: "k-alg" }, ALGORITHMS.map(([v, text]) => h("option", { value: v, text })));
  const rotate = h("button", { type: "button", class: "danger", text: "Rotate signing key…" });
  rotate.addEventListener("click", () => busy(rotate, async () => {
    const active = keys.find((k) => k.state === "active");
    const to = alg.value || active?.alg || "the current algorithm";
    const ok = await confirmDialog({
      title: "Rotate the signing key?",
      body: [
        h("p", { class: "warning", text: `A new ${to} key signs every token from now on.` }),
        "Tokens signed with the old key stay valid until they expire: the old key stays in the JWKS, retired. "
          + "Verifiers that cache the JWKS fetch it again when they meet the new key id; one that pinned the old key "
          + "or cannot verify the new algorithm refuses the new tokens.",
      ],
      confirmLabel: "Rotate key",
    });
    if (!ok) {
      rotate.focus();
      return;
    }
    const key = await admin.rotateKey(appId, alg.value || undefined);
    await renderKeys(root, { appId });
    showStatus(`The app now signs with key ${key.kid} (${key.alg}).`);
    root.querySelector("h1")?.focus();
  }));

  replace(root,
    h("h1", { tabindex: "-1", text: "Signing keys" }),
    h("p", { class: "hint", text: "Access tokens are signed with the active key; verifiers find the public keys in the app's JWKS." }),
    h("div", { class: "table-wrap" },
      h("table", { class: "keys stack" },
        h("caption", { class: "visually-hidden", text: "Signing keys" }),
        h("thead", {}, h("tr", {}, ["Key ID", "Algorithm", "State", "Created", "Retired"].map((t) => h("th", { scope: "col", text: t })))),
        h("tbody", {}, keys.map((k) => h("tr", { "data-kid": k.kid },
          h("td", { "data-label": "Key ID", class: "mono", text: k.kid }),
          h("td", { "data-label": "Algorithm", text: k.alg }),
          h("td", { "data-label": "State" }, h("span", { class: `badge ${k.state === "active" ? "ok" : "off"}`, text: k.state })),
          h("td", { "data-label": "Created" }, time(k.created_at)),
          h("td", { "data-label": "Retired" }, time(k.retired_at))))))),
    h("section", { "aria-labelledby": "rotate-title" },
      h("h2", { id: "rotate-title", text: "Rotate" }),
      h("div", { class: "toolbar wrap" },
        h("div", { class: "field inline" }, h("label", { for: "k-alg", text: "New key's algorithm" }), alg),
        rotate)));
}
