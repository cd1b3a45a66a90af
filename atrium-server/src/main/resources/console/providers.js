// Providers of the app: an Enabled switch each (POST …/enable or …/disable) and the config as
// JSON (PUT …/providers/{type}). Known types the app has no row for can be set up here too.

import { admin } from "./api.js";
import { busy, h, pretty, replace, showError, showStatus } from "./ui.js";
import { PROVIDER_TYPES } from "./user-filters.js";

const ABOUT = {
  "anon-user": "Guest sign-in: a new anonymous user per login. It has no configuration.",
  "local-userpass": "E-mail and password (confirmation and reset modes in the config).",
  "api-key": "User API keys created by logged-in users.",
  "custom-token": "Custom JWTs signed by your own issuer (keys and claims in the config).",
  "oauth2-apple": "Sign in with Apple ID tokens (client_ids in the config).",
  "oauth2-google": "Google ID tokens and auth codes (client_id, client_secret in the config).",
  "oauth2-facebook": "Facebook user access tokens (app_id, app_secret in the config).",
  "custom-function": "Your own function names the user of any payload (function_url, function_secret in the config).",
};

export async function renderProviders(root, { appId }) {
  const providers = await admin.providers(appId);
  const byType = new Map((providers ?? []).map((p) => [p.type, p]));
  const types = [...PROVIDER_TYPES, ...[...byType.keys()].filter((t) => !PROVIDER_TYPES.includes(t))];
  replace(root,
    h("h1", { tabindex: "-1", text: "Providers" }),
    h("p", { class: "hint", text: "A disabled provider answers AuthProviderNotFound to logins; its users are kept." }),
    h("div", { class: "cards" }, types.map((type) => providerCard(appId, type, byType.get(type)))));
}

function providerCard(appId, type, provider) {
  const card = h("article", { class: "card provider", "data-provider": type, "aria-labelledby": `p-${type}-title` });
  const draw = (p) => replace(card, ...cardContent(appId, type, p, draw));
  draw(provider);
  return card;
}

function cardContent(appId, type, provider, redraw) {
  const configured = provider !== undefined;
  const enabled = configured && provider.enabled === true;
  const switchId = `p-${type}-enabled`;
  const state = h("span", { class: `badge ${enabled ? "ok" : "off"}`, "data-state": enabled ? "enabled" : "disabled",
    text: enabled ? "enabled" : configured ? "disabled" : "not set up" });
  const toggle = h("input", { id: switchId, type: "checkbox", role: "switch", checked: enabled, "aria-describedby": `p-${type}-about` });
  toggle.checked = enabled;
  toggle.addEventListener("change", () => busy(toggle, async () => {
    const want = toggle.checked;
    try {
      const updated = !configured && want
        ? await admin.putProvider(appId, type, { enabled: true, config: {} })
        : want ? await admin.enableProvider(appId, type) : await admin.disableProvider(appId, type);
      redraw(updated);
      showStatus(`Provider ${type} is ${updated?.enabled ? "enabled" : "disabled"}.`);
      document.getElementById(switchId)?.focus();
    } catch (err) {
      toggle.checked = !want;
      throw err;
    }
  }));

  const parts = [
    h("header", {},
      h("h2", { id: `p-${type}-title`, class: "mono", text: type }),
      state),
    h("p", { id: `p-${type}-about`, class: "hint", text: ABOUT[type] ?? "" }),
    h("div", { class: "switch" }, toggle, h("label", { for: switchId, text: `Enabled (${type})` })),
  ];
  if (type !== "anon-user") parts.push(configEditor(appId, type, provider, redraw));
  return parts;
}

function configEditor(appId, type, provider, redraw) {
  const id = `p-${type}-config`;
  const hintId = `${id}-hint`;
  const area = h("textarea", { id, rows: 8, spellcheck: "false", class: "mono", "aria-describedby": hintId });
  area.value = pretty(provider?.config ?? {});
  const save = h("button", { type: "button", text: "Save configuration" });
  save.addEventListener("click", () => busy(save, async () => {
    let config;
    try {
      config = JSON.parse(area.value);
    } catch (err) {
      showError(new Error(`The configuration of ${type} is not valid JSON: ${err.message}`));
      area.focus();
      return;
    }
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
      showError(new Error(`The configuration of ${type} must be a JSON object.`));
      area.focus();
      return;
    }
    const updated = await admin.putProvider(appId, type, { enabled: provider?.enabled ?? false, config });
    redraw(updated);
    showStatus(`Configuration of ${type} saved.`);
    document.getElementById(id)?.focus();
  }));
  // Secrets (any password or *_secret) never come back from the server: "<key>_set": true stands in for one.
  return h("div", { class: "config" },
    h("label", { for: id, text: `Configuration of ${type} (JSON)` }),
    area,
    h("p", { id: hintId, class: "hint", text: "Secrets (passwords, *_secret) are never shown: \"…_set\": true says one is "
      + "stored. Leave it out to keep it, type a new value to replace it, or set it to null to remove it." }),
    h("div", { class: "buttons" }, save));
}
