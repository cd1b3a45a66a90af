// The admin API client (contract: /api/admin/v1/openapi.json). Bearer admin token from
// sessionStorage; JSON bodies; every failure becomes an ApiError carrying the server's
// {error, error_code, link}.

export const API_ROOT = "/api/admin/v1";
const TOKEN_KEY = "atrium.console.token";

/** An error answer of the admin API: `message` is its `error` text, `code` its `error_code`. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body.error);
    this.name = "ApiError";
    this.status = status;
    this.code = body.error_code ?? null;
    this.link = body.link ?? null;
  }
}

/** The admin token of this browser tab (sessionStorage: gone when the tab closes). */
export const adminToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let unauthorizedHandler = () => {};

/** Called with the ApiError when the stored token is refused (revoked while signed in). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/**
 * Sends one request. `query` entries that are undefined, null or "" are left out. `bearer`
 * overrides the stored token (sign-in tries a token before keeping it). Resolves to the parsed
 * JSON body, or null for 204.
 */
export async function request(method, path, { query, body, bearer } = {}) {
  const url = new URL(API_ROOT + path, location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
  }
  const headers = { Accept: "application/json", Authorization: `Bearer ${bearer ?? adminToken.get() ?? ""}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let res;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "omit",
    });
  } catch (err) {
    throw new ApiError(0, { error: `the server cannot be reached (${err.message})`, error_code: "NetworkError" });
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const error = json && typeof json.error === "string"
      ? new ApiError(res.status, json)
      : new ApiError(res.status, { error: `HTTP ${res.status} ${res.statusText} ${text.slice(0, 200)}`.trim() });
    if (res.status === 401 && bearer === undefined) unauthorizedHandler(error);
    throw error;
  }
  return json;
}

const enc = encodeURIComponent;
let installed = null;
const app = (appId) => `/apps/${enc(appId)}`;

/** One function per admin operation the console uses. */
export const admin = {
  apps: (bearer) => request("GET", "/apps", { bearer }),
  app: (appId) => request("GET", app(appId)),
  patchSettings: (appId, settings) => request("PATCH", `${app(appId)}/settings`, { body: settings }),

  // The installed providers (types, policies, declared settings): the same for every app, asked once per page load.
  installedProviders: () => (installed ??= request("GET", "/providers").catch((err) => {
    installed = null;
    throw err;
  })),
  providers: (appId) => request("GET", `${app(appId)}/providers`),
  putProvider: (appId, type, update) => request("PUT", `${app(appId)}/providers/${enc(type)}`, { body: update }),
  enableProvider: (appId, type) => request("POST", `${app(appId)}/providers/${enc(type)}/enable`),
  disableProvider: (appId, type) => request("POST", `${app(appId)}/providers/${enc(type)}/disable`),

  users: (appId, filter, { limit, cursor, sort } = {}) =>
    request("GET", `${app(appId)}/users`, { query: { ...filter, limit, cursor, sort } }),
  createUser: (appId, email, password) => request("POST", `${app(appId)}/users`, { body: { email, password } }),
  inviteUser: (appId, email) => request("POST", `${app(appId)}/users/invite`, { body: { email } }),
  sendPasswordReset: (appId, userId) => request("POST", `${app(appId)}/users/${enc(userId)}/reset-password`),
  user: (appId, userId) => request("GET", `${app(appId)}/users/${enc(userId)}`),
  deleteUser: (appId, userId) => request("DELETE", `${app(appId)}/users/${enc(userId)}`),
  disableUser: (appId, userId) => request("POST", `${app(appId)}/users/${enc(userId)}/disable`),
  enableUser: (appId, userId) => request("POST", `${app(appId)}/users/${enc(userId)}/enable`),
  revokeSessions: (appId, userId) => request("POST", `${app(appId)}/users/${enc(userId)}/revoke`),
  passkeys: (appId, userId) => request("GET", `${app(appId)}/users/${enc(userId)}/passkeys`),
  revokePasskey: (appId, userId, passkeyId) =>
    request("DELETE", `${app(appId)}/users/${enc(userId)}/passkeys/${enc(passkeyId)}`),
  // `everyone`: the API refuses a real delete with no filter unless told it means every user.
  bulkDelete: (appId, filter, dryRun, everyone = false) =>
    request("POST", `${app(appId)}/users/bulk-delete`, { body: { ...filter, dry_run: dryRun, all: everyone } }),

  stats: (appId, hours) => request("GET", `${app(appId)}/stats`, { query: { hours } }),

  signingKeys: (appId) => request("GET", `${app(appId)}/signing_keys`),
  rotateKey: (appId, alg) => request("POST", `${app(appId)}/signing_keys/rotate`, { body: alg ? { alg } : {} }),

  events: (appId, { state, type, limit } = {}) => request("GET", `${app(appId)}/events`, { query: { state, type, limit } }),
  retryEvents: (appId) => request("POST", `${app(appId)}/events/retry`),
  webhookState: (appId) => request("GET", `${app(appId)}/events/webhook`),

  // Admin tokens are the server's, not an app's.
  tokens: () => request("GET", "/tokens"),
  createToken: (name) => request("POST", "/tokens", { body: { name } }),
  revokeToken: (id) => request("DELETE", `/tokens/${enc(id)}`),
};
