// jsonwebtoken + jwks-rsa, configured as their READMEs say (jwks-rsa's getSigningKey as
// jsonwebtoken's key callback), from Atrium's discovery document alone; the recipe of
// docs/verifying-tokens.md. jsonwebtoken has no EdDSA: ES256 verifies, EdDSA is refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import jwt from "jsonwebtoken";
import jwksClient from "jwks-rsa";
import { OTHER_AUDIENCE, TOKENS } from "./support.mjs";

// --- the recipe ---
async function atriumVerifier(issuer, audience, algorithms = ["ES256"]) {
  const config = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  const client = jwksClient({ jwksUri: config.jwks_uri });
  const getKey = (header, callback) =>
    client.getSigningKey(header.kid, (err, key) => callback(err, key?.getPublicKey()));
  return (token) =>
    new Promise((resolve, reject) =>
      jwt.verify(token, getKey, { algorithms, issuer: config.issuer, audience }, (err, claims) =>
        err ? reject(err) : resolve(claims)));
}
// --- end of the recipe ---

const t = TOKENS.ES256;

test("jsonwebtoken ES256: a fresh access token is accepted", async () => {
  const verify = await atriumVerifier(t.issuer, t.app_id);

  const claims = await verify(t.fresh);

  assert.equal(claims.sub, t.user_id);
  assert.equal(claims.aud, t.app_id);
  assert.equal(claims.iss, t.issuer);
  assert.equal(claims.is_anonymous, true);
  assert.deepEqual(claims.amr, ["anon-user"]);
});

test("jsonwebtoken ES256: a token for another audience is refused", async () => {
  const verify = await atriumVerifier(t.issuer, OTHER_AUDIENCE);

  await assert.rejects(verify(t.fresh), { name: "JsonWebTokenError", message: `jwt audience invalid. expected: ${OTHER_AUDIENCE}` });
});

test("jsonwebtoken ES256: an expired token is refused", async () => {
  const verify = await atriumVerifier(t.issuer, t.app_id);

  await assert.rejects(verify(t.expired), { name: "TokenExpiredError", message: "jwt expired" });
});

test("jsonwebtoken EdDSA: rejected because it has no EdDSA", async () => {
  const ed = TOKENS.EdDSA;
  const asDocumented = await atriumVerifier(ed.issuer, ed.app_id);
  const askingForEdDsa = await atriumVerifier(ed.issuer, ed.app_id, ["EdDSA"]);

  // The recipe names ES256, so the header's EdDSA is not accepted ...
  await assert.rejects(asDocumented(ed.fresh), { name: "JsonWebTokenError", message: "invalid algorithm" });
  // ... and naming EdDSA does not help: jsonwebtoken knows no algorithm for an Ed25519 key.
  await assert.rejects(askingForEdDsa(ed.fresh), { message: 'Unknown key type "ed25519".' });
});
