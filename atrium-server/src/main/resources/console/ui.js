// DOM helpers shared by the views: element building, dates and durations, the message area
// (every API error is shown there with its `error` text) and the confirmation dialog.

/**
 * Builds an element. `attrs`: `class`, `text`, `on<event>` handlers, `true`/`false` boolean
 * attributes, anything else as an attribute (null/undefined skipped). Children: nodes, strings,
 * arrays, null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith("svg:")
    ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") el.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "value" && "value" in el) el.value = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** An SVG element (attributes only, no handlers). */
export const svg = (tag, attrs, ...children) => h("svg:" + tag, attrs, ...children);

/** Replaces the content of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const pad = (n) => String(n).padStart(2, "0");

/** A local date-time text "2024-05-01 14:03" of an ISO instant; "—" when absent. */
export function formatTime(iso) {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A <time> element showing `iso` in local time, the exact instant in its tooltip. */
export function time(iso) {
  return iso ? h("time", { datetime: iso, title: iso, text: formatTime(iso) }) : h("span", { text: "—" });
}

/** The value of an <input type="datetime-local"> for an ISO instant (local time), or "". */
export function toLocalInput(iso) {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO instant (UTC) of a datetime-local value, or undefined when empty. */
export function fromLocalInput(value) {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** "90 days", "1 h 30 min", "45 s" for a number of seconds. */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(Number(seconds))) return "";
  let s = Math.round(Number(seconds));
  if (s === 0) return "0 s";
  const parts = [];
  for (const [unit, size] of [["days", 86400], ["h", 3600], ["min", 60], ["s", 1]]) {
    const n = Math.floor(s / size);
    if (n > 0) {
      parts.push(unit === "days" && n === 1 ? "1 day" : `${n} ${unit}`);
      s -= n * size;
    }
  }
  return parts.slice(0, 2).join(" ");
}

/** The JSON text of a value, indented. */
export const pretty = (value) => JSON.stringify(value ?? {}, null, 2);

const errorBox = () => document.getElementById("error");
const statusBox = () => document.getElementById("status");

/** Shows an error (an ApiError's `error` text and code, or any Error's message) in the alert area. */
export function showError(err) {
  const message = err?.message || String(err);
  const code = err?.code ? ` (${err.code})` : "";
  replace(errorBox(), h("p", {}, h("strong", { text: message }), h("span", { class: "code", text: code })));
  errorBox().hidden = false;
  statusBox().replaceChildren();
}

/** Shows a short success or progress note (announced politely) and clears the last error. */
export function showStatus(text) {
  clearMessages();
  replace(statusBox(), h("p", { text }));
}

export function clearMessages() {
  errorBox().replaceChildren();
  errorBox().hidden = true;
  statusBox().replaceChildren();
  if (nextPageStatus !== null) {
    replace(statusBox(), h("p", { text: nextPageStatus }));
    nextPageStatus = null;
  }
}

let nextPageStatus = null;

/** A status for the page an action is about to open (rendering a page clears the messages first). */
export function showStatusOnNextPage(text) {
  nextPageStatus = text;
}

/** Runs `action` with `button` disabled meanwhile; errors are shown, not thrown. */
export async function busy(button, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (err) {
    showError(err);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

/**
 * Asks for confirmation in the modal dialog; resolves true only when the confirm button is
 * pressed (Escape, Cancel and closing answer false). Cancel has the focus first.
 */
export function confirmDialog({ title, body, confirmLabel = "Confirm", danger = true }) {
  const dialog = document.getElementById("confirm-dialog");
  const ok = document.getElementById("confirm-ok");
  const cancel = document.getElementById("confirm-cancel");
  replace(document.getElementById("confirm-title"), title);
  replace(document.getElementById("confirm-body"), ...(Array.isArray(body) ? body : [body]).map(
    (part) => (typeof part === "string" ? h("p", { text: part }) : part)));
  ok.textContent = confirmLabel;
  ok.className = danger ? "danger" : "primary";
  return new Promise((resolve) => {
    const done = (answer) => {
      ok.onclick = cancel.onclick = dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    ok.onclick = () => done(true);
    cancel.onclick = () => done(false);
    dialog.onclose = () => done(false);
    dialog.showModal();
    cancel.focus();
  });
}
