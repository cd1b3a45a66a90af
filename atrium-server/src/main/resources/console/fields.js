// Form controls shared by the settings and provider forms: a duration input and a list editor
// (one input per entry, with Add and Remove buttons), so neither page needs a raw text area.

import { formatSeconds, parseDuration } from "./durations.js";
import { formatDuration, h } from "./ui.js";

/**
 * A text input for a duration in seconds, shown as "30m", "90d"; its hint spells the value out.
 * `read()` returns the seconds, null when empty, or throws an Error naming `label` when it is not a duration.
 */
export function durationInput({ id, name, label, seconds, required = false, describedBy }) {
  const hintId = `${id}-hint`;
  const input = h("input", { id, name, type: "text", inputmode: "text", autocomplete: "off", spellcheck: "false",
    required, class: "duration", "aria-describedby": [hintId, describedBy].filter(Boolean).join(" "), "data-kind": "duration" });
  input.value = formatSeconds(seconds);
  const hint = h("span", { id: hintId, class: "hint" });
  const explain = () => {
    const s = parseDuration(input.value);
    hint.textContent = input.value.trim() === "" ? "e.g. 30m, 12h, 90d"
      : s === null ? "not a duration: write e.g. 45s, 30m, 12h, 90d" : formatDuration(s);
    input.setAttribute("aria-invalid", String(input.value.trim() !== "" && s === null));
  };
  input.addEventListener("input", explain);
  explain();
  const read = () => {
    const s = parseDuration(input.value);
    if (input.value.trim() !== "" && s === null) {
      throw Object.assign(new Error(`${label}: "${input.value}" is not a duration (e.g. 45s, 30m, 12h, 90d).`), { field: input });
    }
    return s;
  };
  return { input, hint, read };
}

/**
 * A list of strings edited one entry per input. `type` is the inputs' type (url, text); `itemLabel`
 * names an entry for screen readers ("Allowed origin 2"). `read()` returns the non-empty entries, trimmed.
 */
export function listEditor({ id, label, items, type = "text", itemLabel, placeholder, addLabel, disabled = false }) {
  const list = h("ul", { id, class: "list-editor", "aria-label": label });
  const add = h("button", { type: "button", class: "small", text: addLabel ?? "Add" });
  const renumber = () => {
    [...list.children].forEach((li, i) => {
      const input = li.querySelector("input");
      input.setAttribute("aria-label", `${itemLabel} ${i + 1}`);
      li.querySelector("button").setAttribute("aria-label", `Remove ${itemLabel.toLowerCase()} ${i + 1}`);
    });
  };
  const row = (value) => {
    const input = h("input", { type, value, placeholder, spellcheck: "false", autocomplete: "off", disabled: list.dataset.disabled === "true" });
    const remove = h("button", { type: "button", class: "small", text: "Remove", disabled: list.dataset.disabled === "true" });
    const li = h("li", {}, input, remove);
    remove.addEventListener("click", () => {
      const next = li.nextElementSibling ?? li.previousElementSibling;
      li.remove();
      renumber();
      (next?.querySelector("input") ?? add).focus();
    });
    return li;
  };
  list.dataset.disabled = String(disabled);
  for (const item of items ?? []) list.append(row(item));
  add.disabled = disabled;
  add.addEventListener("click", () => {
    const li = row("");
    list.append(li);
    renumber();
    li.querySelector("input").focus();
  });
  renumber();
  const setDisabled = (off) => {
    list.dataset.disabled = String(off);
    add.disabled = off;
    list.querySelectorAll("input, button").forEach((el) => { el.disabled = off; });
  };
  const read = () => [...list.querySelectorAll("input")].map((i) => i.value.trim()).filter(Boolean);
  const element = h("div", { class: "list-field" }, list, add);
  return { element, read, setDisabled, list };
}
