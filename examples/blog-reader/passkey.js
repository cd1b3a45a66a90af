// Passkeys for the blog reader (docs/providers/passkey.md): "Keep my likes with a passkey"
// registers one for the guest, which keeps its user id; "Sign in with a passkey" logs in with it
// on a later visit, with no username. The ceremonies are a few calls around navigator.credentials;
// the login's answer is an ordinary login answer, so realm-web takes it like any provider's.

const { Credentials } = globalThis.Realm;

/** Whether this browser can make and use passkeys at all. */
export const passkeysSupported = () => typeof globalThis.PublicKeyCredential === "function";

const base = ({ baseUrl, appId }) => `${baseUrl}/api/client/v2.0/app/${appId}/auth/providers/passkey`;

/** POSTs JSON to Atrium; a refusal is thrown as Atrium's {error, error_code}. */
async function post(url, body, accessToken) {
  const headers = { "Content-Type": "application/json" };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  const answer = await res.json();
  if (!res.ok) throw answer;
  return answer;
}

/**
 * Makes a passkey for `user` (realm-web's current user) and links it: same id, no longer
 * anonymous. realm-web gets the fresh access token and profile, as `linkCredentials` would give.
 */
export async function keepWithPasskey(settings, user) {
  const { publicKey } = await post(`${base(settings)}/registration/options`, { user_name: "Blog reader" }, user.accessToken);
  const credential = await navigator.credentials.create({ publicKey: creationOptions(publicKey) });
  const answer = await post(`${base(settings)}/registration`, { ...credentialJSON(credential), name: "Blog reader" },
    user.accessToken);
  if (answer.access_token) user.accessToken = answer.access_token;
  await user.refreshProfile();
  return answer.credential;
}

/** Logs in with a passkey this browser (or a synced device) holds; resolves to realm-web's user. */
export async function signInWithPasskey(settings, app) {
  const { publicKey } = await post(`${base(settings)}/login/options`, {});
  const credential = await navigator.credentials.get({ publicKey: requestOptions(publicKey) });
  return app.logIn(new Credentials("passkey", "passkey", false, credentialJSON(credential)));
}

// WebAuthn's JSON forms: newer browsers convert them themselves; older ones get the same by hand.

function creationOptions(json) {
  if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  return { ...json, challenge: bytes(json.challenge), user: { ...json.user, id: bytes(json.user.id) },
    excludeCredentials: (json.excludeCredentials ?? []).map((c) => ({ ...c, id: bytes(c.id) })) };
}

function requestOptions(json) {
  if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  return { ...json, challenge: bytes(json.challenge), allowCredentials: [] };
}

function credentialJSON(credential) {
  if (typeof credential.toJSON === "function") return credential.toJSON();
  const r = credential.response;
  const response = r.attestationObject
    ? { clientDataJSON: text(r.clientDataJSON), attestationObject: text(r.attestationObject), transports: r.getTransports?.() ?? [] }
    : { clientDataJSON: text(r.clientDataJSON), authenticatorData: text(r.authenticatorData), signature: text(r.signature),
      userHandle: r.userHandle ? text(r.userHandle) : null };
  return { id: credential.id, rawId: text(credential.rawId), type: credential.type, response };
}

const bytes = (b64url) => Uint8Array.from(atob(b64url.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
const text = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
  .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
