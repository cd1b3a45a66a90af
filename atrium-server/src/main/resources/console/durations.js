// Durations as operators write them (the CLI's form, docs/configuration.md): 45s, 30m, 12h, 90d, or
// combined (1h30m); a bare number is seconds. The admin API keeps seconds; the console shows and
// takes durations.

const UNITS = [["d", 86400], ["h", 3600], ["m", 60], ["s", 1]];

/** "90d", "1h30m", "45s", "0s" for a number of seconds; "" when not a number. */
export function formatSeconds(seconds) {
  if (seconds === null || seconds === undefined || seconds === "" || !Number.isFinite(Number(seconds))) return "";
  let s = Math.round(Number(seconds));
  if (s === 0) return "0s";
  let out = "";
  for (const [unit, size] of UNITS) {
    const n = Math.floor(s / size);
    if (n > 0) {
      out += `${n}${unit}`;
      s -= n * size;
    }
  }
  return out;
}

/**
 * The seconds of a duration text ("30m", "1h30m", "90d", "45s", "120"), or null when it is not
 * one. Whole seconds only: the API stores whole seconds.
 */
export function parseDuration(text) {
  const t = String(text ?? "").trim().toLowerCase().replace(/\s+/g, "");
  if (t === "") return null;
  if (/^\d+$/.test(t)) return Number(t);
  const m = t.match(/^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/);
  if (!m || m.slice(1).every((g) => g === undefined)) return null;
  return UNITS.reduce((sum, [, size], i) => sum + Number(m[i + 1] ?? 0) * size, 0);
}
