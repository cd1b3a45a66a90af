// Stats: users by kind now, and guest sign-ups and conversions per hour (GET …/stats) as an
// inline SVG chart, with the same numbers in a table for screen readers.

import { admin } from "./api.js";
import { go } from "./routes.js";
import { h, replace, svg, time } from "./ui.js";
import { denseHours, hourLabel, hourlyChart } from "./chart.js";

const RANGES = [[24, "Last 24 hours"], [48, "Last 48 hours"], [168, "Last 7 days"], [720, "Last 30 days"]];
const SERIES = [
  { key: "guest_signups", label: "Guest sign-ups", cls: "signups" },
  { key: "conversions", label: "Conversions (guest linked)", cls: "conversions" },
];

export async function renderStats(root, { appId, query }) {
  const hours = RANGES.some(([v]) => v === Number(query.get("hours"))) ? Number(query.get("hours")) : 48;
  const stats = await admin.stats(appId, hours);
  const users = stats?.users ?? {};
  const rows = denseHours(stats?.hours, hours, ["guest_signups", "conversions", "swept", "deleted"]);
  const sum = (key) => rows.reduce((a, r) => a + r[key], 0);

  const range = h("select", { id: "stats-range" },
    RANGES.map(([v, label]) => h("option", { value: String(v), text: label, selected: v === hours })));
  range.addEventListener("change", () => go(appId, "stats", undefined, { hours: range.value }));

  replace(root,
    h("h1", { tabindex: "-1", text: "Stats" }),
    h("section", { "aria-labelledby": "kinds-title" },
      h("h2", { id: "kinds-title", text: "Users by kind" }),
      h("div", { class: "numbers" },
        number("Total", users.total, "total"),
        number("Anonymous (guests)", users.anonymous, "anonymous", "key-anonymous"),
        number("Linked", users.linked, "linked", "key-linked"),
        number("Disabled", users.disabled, "disabled")),
      kindBar(users)),
    h("section", { "aria-labelledby": "activity-title" },
      h("div", { class: "section-head" },
        h("h2", { id: "activity-title", text: "Guest sign-ups and conversions per hour" }),
        h("div", { class: "field inline" }, h("label", { for: "stats-range", text: "Period" }), range)),
      hourlyChart({ id: "signups-chart", title: "Guest sign-ups and conversions per hour", rows, series: SERIES }),
      h("div", { class: "numbers small" },
        number("Guest sign-ups", sum("guest_signups"), "period-signups"),
        number("Conversions", sum("conversions"), "period-conversions"),
        number("Swept (inactive)", sum("swept"), "period-swept"),
        number("Deleted (not swept)", sum("deleted"), "period-deleted")),
      hourTable(rows)),
    h("section", { "aria-labelledby": "sweeps-title" },
      h("h2", { id: "sweeps-title", text: "Sweeper" }),
      h("dl", { class: "facts" },
        h("div", {}, h("dt", { text: "Guests swept in all" }), h("dd", { text: String(stats?.sweeps?.swept_total ?? 0) })),
        h("div", {}, h("dt", { text: "Last sweep that deleted guests" }), h("dd", {}, time(stats?.sweeps?.last_swept_at)))),
      h("p", { class: "hint", text: "Hourly numbers come from the event outbox, so they reach back at most as far as events are kept." })));
}

function number(label, value, key, cls) {
  return h("div", { class: `number ${cls ?? ""}`.trim(), "data-stat": key },
    h("span", { class: "value", text: String(value ?? 0) }),
    h("span", { class: "label", text: label }));
}

/** A bar split into anonymous and linked users (decorative: the numbers above say the same). */
function kindBar(users) {
  const anonymous = Number(users.anonymous ?? 0);
  const linked = Number(users.linked ?? 0);
  const total = anonymous + linked;
  const width = 600;
  const a = total ? (anonymous / total) * width : 0;
  return svg("svg", { class: "kind-bar", viewBox: `0 0 ${width} 20`, "aria-hidden": "true", preserveAspectRatio: "none" },
    total === 0
      ? svg("rect", { class: "empty", x: 0, y: 0, width, height: 20 })
      : [svg("rect", { class: "anonymous", x: 0, y: 0, width: a.toFixed(1), height: 20 }),
        svg("rect", { class: "linked", x: a.toFixed(1), y: 0, width: (width - a).toFixed(1), height: 20 })]);
}

/** The hours that had any event, as a table (the chart's numbers for keyboard and screen-reader users). */
function hourTable(rows) {
  const busy = rows.filter((r) => r.guest_signups || r.conversions || r.swept || r.deleted);
  return h("details", { class: "hour-table" },
    h("summary", { text: `Hourly numbers (${busy.length} hour${busy.length === 1 ? "" : "s"} with events)` }),
    h("div", { class: "table-wrap" },
      h("table", {},
        h("thead", {}, h("tr", {}, ["Hour", "Guest sign-ups", "Conversions", "Swept", "Deleted"].map((t) => h("th", { scope: "col", text: t })))),
        h("tbody", {}, busy.length
          ? busy.map((r) => h("tr", {}, [hourLabel(r.time), r.guest_signups, r.conversions, r.swept, r.deleted]
            .map((c) => h("td", { text: String(c) }))))
          : h("tr", {}, h("td", { colspan: 5, class: "empty", text: "No events in this period." }))))));
}
