// A provider's configuration as a form, generated from the settings the provider declares
// (GET /api/admin/v1/providers; docs/providers.md): an input per setting of its kind, durations as
// durations, lists an input per entry, objects as fieldsets. Secrets are write-only: the server
// says only whether one is stored ("<key>_set"), an empty field keeps it, "Remove" deletes it. The
// server checks the config as it checks any PUT; its problems, each named by its dotted path, are
// shown at their fields.

import { durationInput, listEditor } from "./fields.js";
import { h } from "./ui.js";

/**
 * The form of provider `type` for `fields` (declared settings) holding `config` (as the API shows
 * it). Returns { element, read, showProblems }: read() gives the config to PUT (throws an Error with
 * `.field` for a value that cannot be one), showProblems(message) marks the fields the API's error names.
 */
export function providerForm(type, fields, config) {
  const controls = [];
  const element = h("div", { class: "provider-form" }, fields.map((f) => control(type, f, config ?? {}, "", controls)));
  const read = () => collect(fields, controls, "");
  const showProblems = (message) => {
    for (const c of controls) c.mark(null);
    // "custom-token config: issuer is required; algorithms: a non-empty list is required"
    const problems = String(message ?? "").split("; ").map((p) => p.replace(/^[a-z0-9-]+ config: /, ""));
    let first = null;
    for (const c of controls) {
      const problem = problems.find((p) => [" ", ".", ":"].some((end) => p.startsWith(c.path + end)));
      if (problem) {
        c.mark(problem);
        first ??= c;
      }
    }
    first?.focusable.focus();
    return first !== null;
  };
  return { element, read, showProblems };
}

function fieldId(type, path) {
  return `p-${type}-${path.replaceAll(".", "-")}`;
}

function describe(field) {
  const bits = [];
  if (field.required) bits.push("required");
  if (field.default !== null && field.default !== undefined) {
    bits.push(`default ${field.kind === "duration" ? `${field.default} s` : JSON.stringify(field.default)}`);
  }
  if ((field.min ?? null) !== null || (field.max ?? null) !== null) {
    const unit = field.kind === "duration" ? " s" : field.kind === "integer" ? "" : " characters";
    bits.push(`${field.min ?? "…"}..${field.max ?? "…"}${unit}`);
  }
  return [field.description, bits.length ? ` (${bits.join(", ")})` : ""].join("");
}

/** One setting's control, added to `controls` as { path, field, read, mark, focusable }. */
function control(type, field, config, prefix, controls) {
  const path = prefix + field.name;
  const id = fieldId(type, path);
  const value = config[field.name];
  if (field.kind === "object") {
    const inner = field.fields.map((sub) => control(type, sub, value && typeof value === "object" ? value : {}, `${path}.`, controls));
    return h("fieldset", { class: "setting-object", "data-setting": path },
      h("legend", { class: "mono", text: field.name }), h("p", { class: "hint", text: describe(field) }), h("div", { class: "fields" }, inner));
  }
  const hintId = `${id}-hint`;
  const error = h("span", { id: `${id}-error`, class: "field-error", hidden: true });
  const label = h("label", { for: id, class: "mono", text: field.name + (field.required ? " *" : "") });
  let input;
  let read;
  let extra = null;
  if (field.secret) {
    const stored = config[`${field.name}_set`] === true;
    input = h("input", { id, type: "password", autocomplete: "new-password", spellcheck: "false", "aria-describedby": hintId });
    const remove = h("input", { id: `${id}-remove`, type: "checkbox" });
    extra = [
      h("span", { class: "hint secret-state", "data-secret-set": String(stored),
        text: stored ? "A value is stored (write-only: never shown). Leave empty to keep it." : "No value is stored." }),
      stored ? h("span", { class: "check" }, remove, h("label", { for: `${id}-remove`, text: `Remove ${field.name}` })) : null,
    ];
    read = () => (input.value !== "" ? input.value : remove.checked ? null : undefined);
  } else if (field.kind === "duration") {
    const d = durationInput({ id, name: path, label: path, seconds: value, describedBy: hintId });
    input = d.input;
    extra = d.hint;
    read = () => d.read() ?? undefined;
  } else if (field.kind === "integer") {
    input = h("input", { id, type: "number", step: 1, min: field.min, max: field.max, inputmode: "numeric", "aria-describedby": hintId });
    input.value = value ?? "";
    read = () => {
      if (input.value.trim() === "") return undefined;
      const n = Number(input.value);
      if (!Number.isInteger(n)) throw Object.assign(new Error(`${path} must be a whole number.`), { field: input });
      return n;
    };
  } else if (field.kind === "boolean" || field.kind === "choice") {
    const options = field.kind === "boolean" ? [["true", "yes"], ["false", "no"]] : field.choices.map((c) => [c, c]);
    const fallback = field.default !== null && field.default !== undefined ? `default (${field.kind === "boolean"
      ? (field.default ? "yes" : "no") : field.default})` : "not set";
    input = h("select", { id, "aria-describedby": hintId },
      h("option", { value: "", text: fallback }),
      options.map(([v, text]) => h("option", { value: v, text, selected: value !== undefined && String(value) === v })));
    read = () => (input.value === "" ? undefined : field.kind === "boolean" ? input.value === "true" : input.value);
  } else if (field.kind === "string_list") {
    const list = listEditor({ id, label: path, items: Array.isArray(value) ? value : [], type: /url/.test(field.name) ? "url" : "text",
      itemLabel: `${path} entry`, addLabel: `Add to ${field.name}` });
    input = list.list;
    extra = list.element;
    read = () => (list.read().length ? list.read() : undefined);
  } else if (field.kind === "string_map") {
    const map = mapEditor(id, path, value && typeof value === "object" ? value : {});
    input = map.list;
    extra = map.element;
    read = map.read;
  } else {
    input = field.kind === "text"
      ? h("textarea", { id, rows: 4, spellcheck: "false", class: "mono", "aria-describedby": hintId })
      : h("input", { id, type: field.kind === "url" ? "url" : "text", spellcheck: "false", autocomplete: "off", "aria-describedby": hintId });
    input.value = value ?? "";
    read = () => (input.value.trim() === "" ? undefined : input.value.trim());
  }
  const focusable = input.tagName === "UL" ? (input.querySelector("input") ?? input.parentElement.querySelector("button")) : input;
  controls.push({
    path, field, read, focusable,
    mark: (problem) => {
      error.hidden = !problem;
      error.textContent = problem ?? "";
      if (input.tagName !== "UL") {
        input.setAttribute("aria-invalid", String(Boolean(problem)));
        input.setAttribute("aria-describedby", [hintId, problem ? error.id : null].filter(Boolean).join(" "));
      }
    },
  });
  const own = input.tagName === "UL" ? [extra] : [input, extra];
  return h("div", { class: `field setting ${field.kind === "text" || field.kind.endsWith("list") || field.kind === "string_map" ? "wide" : ""}`.trim(),
    "data-setting": path },
    input.tagName === "UL" ? h("span", { class: "label mono", id: `${id}-label`, text: field.name + (field.required ? " *" : "") }) : label,
    own, h("span", { id: hintId, class: "hint", text: describe(field) }), error);
}

/** Name → value rows (a string_map such as custom-token's metadata). */
function mapEditor(id, path, value) {
  const list = h("ul", { id, class: "list-editor map-editor", "aria-label": path });
  const add = h("button", { type: "button", class: "small", text: `Add to ${path}` });
  const row = (k, v) => {
    const key = h("input", { type: "text", value: k, spellcheck: "false", "aria-label": `${path} name` });
    const val = h("input", { type: "text", value: v, spellcheck: "false", "aria-label": `${path} value of ${k || "new entry"}` });
    const remove = h("button", { type: "button", class: "small", text: "Remove", "aria-label": `Remove ${path} ${k || "entry"}` });
    const li = h("li", {}, key, h("span", { "aria-hidden": "true", text: "→" }), val, remove);
    remove.addEventListener("click", () => {
      li.remove();
      add.focus();
    });
    return li;
  };
  for (const [k, v] of Object.entries(value)) list.append(row(k, String(v)));
  add.addEventListener("click", () => {
    const li = row("", "");
    list.append(li);
    li.querySelector("input").focus();
  });
  const read = () => {
    const out = {};
    for (const li of list.children) {
      const [k, v] = [...li.querySelectorAll("input")].map((i) => i.value.trim());
      if (k) out[k] = v;
    }
    return Object.keys(out).length ? out : undefined;
  };
  return { list, element: h("div", { class: "list-field" }, list, add), read };
}

/** The config of `fields` from their controls: unset values left out (the provider's default applies). */
function collect(fields, controls, prefix) {
  const out = {};
  for (const f of fields) {
    const path = prefix + f.name;
    const v = f.kind === "object" ? collect(f.fields, controls, `${path}.`) : controls.find((c) => c.path === path).read();
    if (f.kind === "object" && Object.keys(v).length === 0) continue;
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}
