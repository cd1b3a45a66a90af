// jose (createRemoteJWKSet + jwtVerify), configured as its README says, from Atrium's discovery
// document alone; the recipe of docs/verifying-tokens.md. jose has EdDSA: both algorithms verify.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { OTHER_AUDIENCE, TOKENS } from "./support.mjs";

// --- the recipe ---
async function atriumVerifier(issuer, audience) {
  const config = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  const jwks = createRemoteJWKSet(new URL(config.jwks_uri));
  return async (token) => (await jwtVerify(token, jwks, { issuer: config.issuer, audience })).payload;
}
// --- end of the recipe ---

for (const alg of ["ES256", "EdDSA"]) {
  const t = TOKENS[alg];

  test(`jose ${alg}: a fresh access token is accepted`, async () => {
    const verify = await atriumVerifier(t.issuer, t.app_id);

    const claims = await verify(t.fresh);

    assert.equal(claims.sub, t.user_id);
    assert.equal(claims.aud, t.app_id);
    assert.equal(claims.iss, t.issuer);
    assert.equal(claims.is_anonymous, true);
    assert.deepEqual(claims.amr, ["anon-user"]);
    assert.equal(JSON.parse(Buffer.from(t.fresh.split(".")[0], "base64url")).alg, alg);
  });

  test(`jose ${alg}: a token for another audience is refused`, async () => {
    const verify = await atriumVerifier(t.issuer, OTHER_AUDIENCE);

    await assert.rejects(verify(t.fresh), { code: "ERR_JWT_CLAIM_VALIDATION_FAILED", claim: "aud" });
  });

  test(`jose ${alg}: an expired token is refused`, async () => {
    const verify = await atriumVerifier(t.issuer, t.app_id);

    await assert.rejects(verify(t.expired), { code: "ERR_JWT_EXPIRED", claim: "exp" });
  });
}
