// Providers of the app: an Enabled switch each (POST …/enable or …/disable) and the config as
// JSON (PUT …/providers/{type}), with a reference of the settings each provider declares. The
// cards follow the server's installed providers (GET /providers): this file names none of them.

import { admin } from "./api.js";
import { busy, h, pretty, replace, showError, showStatus } from "./ui.js";

export async function renderProviders(root, { appId }) {
  const [installed, providers] = await Promise.all([admin.installedProviders(), admin.providers(appId)]);
  const known = new Map((installed ?? []).map((p) => [p.type, p]));
  const byType = new Map((providers ?? []).map((p) => [p.type, p]));
  const types = [...known.keys(), ...[...byType.keys()].filter((t) => !known.has(t))];
  replace(root,
    h("h1", { tabindex: "-1", text: "Providers" }),
    h("p", { class: "hint", text: "A disabled provider answers AuthProviderNotFound to logins; its users are kept." }),
    h("div", { class: "cards" }, types.map((type) => providerCard(appId, type, known.get(type), byType.get(type)))));
}

function providerCard(appId, type, about, provider) {
  const card = h("article", { class: "card provider", "data-provider": type, "aria-labelledby": `p-${type}-title` });
  const draw = (p) => replace(card, ...cardContent(appId, type, about, p, draw));
  draw(provider);
  return card;
}

function cardContent(appId, type, about, provider, redraw) {
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
    h("p", { id: `p-${type}-about`, class: "hint",
      text: about?.description ?? "Not installed on this server: its logins are refused." }),
    h("div", { class: "switch" }, toggle, h("label", { for: switchId, text: `Enabled (${type})` })),
  ];
  if (about) parts.push(settingsReference(type, about.settings ?? []));
  parts.push(configEditor(appId, type, provider, redraw));
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

/** The settings the provider declares (name, kind, required, write-only, bounds, default, description). */
function settingsReference(type, settings) {
  if (settings.length === 0) return h("p", { class: "hint", text: `${type} has no settings: its configuration is {}.` });
  return h("details", { class: "settings-reference" },
    h("summary", { text: `Settings of ${type} (${settings.length})` }),
    h("dl", {}, settings.flatMap((field) => settingEntries(field, ""))));
}

function settingEntries(field, prefix) {
  const name = prefix + field.name;
  const facts = [
    field.kind === "choice" ? `one of ${field.choices.join(", ")}` : field.kind.replace("_", " "),
    field.required ? "required" : "optional",
    field.secret ? "write-only (never shown back)" : null,
    field.min !== null || field.max !== null ? `${field.kind === "integer" ? "range" : "length"} ${field.min ?? ""}..${field.max ?? ""}` : null,
    field.default !== null && field.default !== undefined ? `default ${JSON.stringify(field.default)}` : null,
  ].filter(Boolean).join(" · ");
  return [
    h("dt", { class: "mono", "data-setting": name, text: name }),
    h("dd", {}, h("span", { class: "hint", text: facts }), h("br"), field.description),
    ...(field.fields ?? []).flatMap((sub) => settingEntries(sub, `${name}.`)),
  ];
}
