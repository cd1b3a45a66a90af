// Stats: users by kind now, guest sign-ups and conversions per hour (GET …/stats) as an inline SVG
// chart, and conversions by provider (linked or merged: which path guests take) as a second chart
// and a table, with the same numbers in tables for screen readers.

import { admin } from "./api.js";
import { go } from "./routes.js";
import { h, replace, svg, time } from "./ui.js";
import { denseHours, hourLabel, hourlyChart } from "./chart.js";

const RANGES = [[24, "Last 24 hours"], [48, "Last 48 hours"], [168, "Last 7 days"], [720, "Last 30 days"]];
const SERIES = [
  { key: "guest_signups", label: "Guest sign-ups", cls: "signups" },
  { key: "conversions", label: "Conversions (guest linked or merged)", cls: "conversions" },
];
/** Providers drawn apart in the conversions chart (the colours styles.css has); the rest are summed as "other". */
const PROVIDER_SERIES = 5;

export async function renderStats(root, { appId, query }) {
  const hours = RANGES.some(([v]) => v === Number(query.get("hours"))) ? Number(query.get("hours")) : 48;
  const stats = await admin.stats(appId, hours);
  const users = stats?.users ?? {};
  const rows = denseHours(stats?.hours, hours, ["guest_signups", "conversions", "merges", "swept", "deleted"]);
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
        number("of which merges", sum("merges"), "period-merges"),
        number("Swept (inactive)", sum("swept"), "period-swept"),
        number("Deleted (not swept)", sum("deleted"), "period-deleted")),
      hourTable(rows)),
    conversionsByProvider(stats, hours),
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

/**
 * Conversions by provider over the period: an hourly chart with a line per provider (the most
 * converting first; beyond PROVIDER_SERIES they are summed as "other") and a table of links and
 * merges per provider, so an operator sees which path guests take.
 */
function conversionsByProvider(stats, hours) {
  const providers = (stats?.conversions ?? []).map((c) => c.provider);
  const drawn = providers.slice(0, PROVIDER_SERIES);
  const series = drawn.map((p, i) => ({ key: `by:${p}`, label: p, cls: `p${i}` }));
  if (providers.length > drawn.length) series.push({ key: "by:(other)", label: "other providers", cls: `p${PROVIDER_SERIES}` });
  const apiHours = (stats?.hours ?? []).map((row) => {
    const flat = { hour: row.hour };
    for (const [p, n] of Object.entries(row.conversions_by_provider ?? {})) {
      const key = drawn.includes(p) ? `by:${p}` : "by:(other)";
      flat[key] = (flat[key] ?? 0) + n;
    }
    return flat;
  });
  const rows = denseHours(apiHours, hours, series.map((s) => s.key));
  const total = (stats?.conversions ?? []).reduce((a, c) => a + c.total, 0);
  return h("section", { "aria-labelledby": "conversions-title" },
    h("h2", { id: "conversions-title", text: "Conversions by provider" }),
    h("p", { class: "hint", text: "A conversion is a guest becoming a lasting user: by linking an identity, or by a merge "
      + "into the user that already held the identity it proved." }),
    series.length
      ? hourlyChart({ id: "conversions-chart", title: "Conversions per hour by provider", rows, series })
      : h("p", { class: "empty", text: "No conversions in this period." }),
    h("div", { class: "table-wrap" },
      h("table", { class: "conversions-table", id: "conversions-table" },
        h("caption", { class: "hint", text: `${total} conversion${total === 1 ? "" : "s"} in this period` }),
        h("thead", {}, h("tr", {}, [["Provider", ""], ["Linked", "num"], ["Merged", "num"], ["Total", "num"]]
          .map(([t, cls]) => h("th", { scope: "col", class: cls, text: t })))),
        h("tbody", {}, (stats?.conversions ?? []).length
          ? stats.conversions.map((c) => h("tr", { "data-provider": c.provider },
            h("td", { text: c.provider }),
            [c.linked, c.merged, c.total].map((n) => h("td", { class: "num", text: String(n) }))))
          : h("tr", {}, h("td", { colspan: 4, class: "empty", text: "No conversions in this period." }))))));
}
