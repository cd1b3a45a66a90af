// An hourly line chart drawn as inline SVG (no library): one polyline and one point per hour and
// series, axes with round ticks, a <title>/<desc> for screen readers and a tooltip per point.

import { h, svg } from "./ui.js";

const HOUR = 3600 * 1000;
const W = 800;
const H = 280;
const M = { left: 48, right: 28, top: 16, bottom: 44 };

/**
 * The API's hours (sparse or dense) as a dense list of `count` hours ending at the current hour,
 * widened to cover every hour the API returned; missing hours count 0.
 */
export function denseHours(apiHours, count, keys) {
  const byTime = new Map();
  for (const row of apiHours ?? []) {
    const t = Math.floor(Date.parse(row.hour) / HOUR) * HOUR;
    if (!Number.isNaN(t)) byTime.set(t, row);
  }
  let end = Math.floor(Date.now() / HOUR) * HOUR;
  let start = end - (count - 1) * HOUR;
  for (const t of byTime.keys()) {
    start = Math.min(start, t);
    end = Math.max(end, t);
  }
  const out = [];
  for (let t = start; t <= end; t += HOUR) {
    const row = byTime.get(t) ?? {};
    out.push({ time: new Date(t), ...Object.fromEntries(keys.map((k) => [k, Number(row[k] ?? 0)])) });
  }
  return out;
}

/** Round upper bound and tick step for values up to `max`, at most about 5 ticks. */
function ticks(max) {
  const top = Math.max(1, max);
  const raw = top / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw && Number.isInteger(s)) ?? Math.max(1, Math.ceil(raw));
  const upper = Math.ceil(top / step) * step;
  const list = [];
  for (let v = 0; v <= upper; v += step) list.push(v);
  return { upper, list };
}

const pad = (n) => String(n).padStart(2, "0");

/**
 * The chart as a <figure>. `rows`: dense hours from denseHours(); `series`: [{key, label, cls}].
 */
export function hourlyChart({ id, title, rows, series }) {
  const n = rows.length;
  const max = Math.max(0, ...rows.flatMap((r) => series.map((s) => r[s.key])));
  const { upper, list } = ticks(max);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i) => M.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v) => M.top + plotH - (v / upper) * plotH;

  const grid = list.map((v) => svg("g", { class: "tick y" },
    svg("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }),
    svg("text", { x: M.left - 8, y: y(v) + 4, "text-anchor": "end", text: String(v) })));

  const every = [1, 2, 3, 6, 12, 24, 48, 72, 168].find((k) => n / k <= 8) ?? 168;
  let midnights = 0;
  const xLabels = rows.map((r, i) => {
    const d = r.time;
    const midnight = d.getHours() === 0;
    const show = every < 24 ? d.getHours() % every === 0 : midnight && midnights++ % (every / 24) === 0;
    if (!show) return null;
    const label = midnight ? `${pad(d.getMonth() + 1)}-${pad(d.getDate())}` : `${pad(d.getHours())}:00`;
    return svg("g", { class: "tick x" },
      svg("line", { x1: x(i), x2: x(i), y1: M.top + plotH, y2: M.top + plotH + 4 }),
      svg("text", { x: x(i), y: M.top + plotH + 18, "text-anchor": "middle", text: label }));
  });

  const showAll = n <= 72;
  const lines = series.map((s) => svg("g", { class: `series ${s.cls}`, "data-series": s.key },
    svg("polyline", { fill: "none", points: rows.map((r, i) => `${x(i).toFixed(1)},${y(r[s.key]).toFixed(1)}`).join(" ") }),
    rows.map((r, i) => (showAll || r[s.key] > 0
      ? svg("circle", { class: "point", cx: x(i).toFixed(1), cy: y(r[s.key]).toFixed(1), r: r[s.key] > 0 ? 4 : 2.5,
        "data-value": r[s.key], "data-hour": r.time.toISOString() },
        svg("title", { text: `${hourLabel(r.time)}: ${r[s.key]} ${s.label.toLowerCase()}` }))
      : null))));

  const totals = series.map((s) => `${rows.reduce((a, r) => a + r[s.key], 0)} ${s.label.toLowerCase()}`).join(", ");
  const chart = svg("svg", { id, class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc` },
    svg("title", { id: `${id}-title`, text: title }),
    svg("desc", { id: `${id}-desc`, text: `${n} hours from ${hourLabel(rows[0]?.time)} to ${hourLabel(rows[n - 1]?.time)}: ${totals}.` }),
    svg("g", { class: "grid" }, grid),
    svg("line", { class: "axis", x1: M.left, x2: W - M.right, y1: M.top + plotH, y2: M.top + plotH }),
    svg("g", { class: "x-labels" }, xLabels),
    lines);

  const legend = h("ul", { class: "legend" }, series.map((s) => h("li", { class: s.cls },
    h("span", { class: "swatch", "aria-hidden": "true" }), s.label)));
  return h("figure", { class: "chart-figure" }, chart, h("figcaption", {}, legend));
}

export function hourLabel(date) {
  if (!date) return "—";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:00`;
}
