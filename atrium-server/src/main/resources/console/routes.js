// The console's URLs: #/<appId>/<page>[/<id>][?<query>]. Views link with href() and move with go().

/** The route of the current hash. */
export function currentRoute() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?");
  const [appId, page = "users", id] = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { appId, page, id, query: new URLSearchParams(query) };
}

/** The hash of a route; `query` is a URLSearchParams or a plain object. */
export function href(appId, page, id, query) {
  const parts = [appId, page, id].filter((p) => p !== undefined && p !== null).map(encodeURIComponent);
  const qs = new URLSearchParams(query ?? {}).toString();
  return `#/${parts.join("/")}${qs ? `?${qs}` : ""}`;
}

/** Navigates to a route; when the hash is that already, the view is rendered again. */
export function go(appId, page, id, query) {
  const target = href(appId, page, id, query);
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = target;
}
