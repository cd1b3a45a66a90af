// Providers of the app: an Enabled switch each (POST …/enable or …/disable) and the config as a
// form generated from the settings each provider declares (provider-form.js; PUT …/providers/{type}).
// The cards follow the server's installed providers (GET /providers): this file names none of them.

import { admin } from "./api.js";
import { busy, h, replace, showError, showStatus } from "./ui.js";
import { providerForm } from "./provider-form.js";

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
  parts.push(about && (about.settings ?? []).length === 0
    ? h("p", { class: "hint", text: `${type} has no settings.` })
    : configEditor(appId, type, about, provider, redraw));
  return parts;
}

function configEditor(appId, type, about, provider, redraw) {
  const form = providerForm(type, about?.settings ?? [], provider?.config ?? {});
  const save = h("button", { type: "submit", class: "primary", text: "Save configuration" });
  const element = h("form", { class: "config", novalidate: true, "aria-label": `Configuration of ${type}` },
    form.element, h("div", { class: "buttons" }, save));
  element.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(save, async () => {
      let config;
      try {
        config = form.read();
      } catch (err) {
        showError(err);
        err.field?.focus();
        return;
      }
      try {
        const updated = await admin.putProvider(appId, type, { enabled: provider?.enabled ?? false, config });
        redraw(updated);
        showStatus(`Configuration of ${type} saved.`);
        document.querySelector(`[data-provider="${type}"] form.config button[type="submit"]`)?.focus();
      } catch (err) {
        showError(err);
        form.showProblems(err.message);
      }
    });
  });
  return element;
}
