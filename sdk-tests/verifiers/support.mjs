// Shared by the verifier tests. Not a test file: `node --test` runs only the files it is given.
//
// Environment (set by NodeVerifiersTest in interop-tests, which starts a real server):
//   ATRIUM_INTEROP_TOKENS  JSON: for each algorithm ("ES256", "EdDSA") an app whose access tokens
//                          carry it and two of its genuine tokens:
//                          {issuer, app_id, user_id, fresh, expired}; `expired` was issued by the
//                          same key with the server's clock two hours back.

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set (NodeVerifiersTest sets it)`);
  }
  return value;
}

export const TOKENS = JSON.parse(requiredEnv("ATRIUM_INTEROP_TOKENS"));

/** An audience no Atrium token carries: a resource server expecting it must refuse them. */
export const OTHER_AUDIENCE = "some-other-app-x0x0x";
