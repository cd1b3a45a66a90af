// Atrium's webhooks (a lifecycle event, a local-userpass call) checked by the README's receiver,
// which uses the Standard Webhooks specification's own Node library. Run by StandardWebhooksNodeTest
// (interop-tests), which captures real deliveries and sets:
//   ATRIUM_WEBHOOK_SECRET      the secret configured in Atrium (whsec_…)
//   ATRIUM_WEBHOOK_DELIVERIES  JSON: [{headers: {webhook-id, webhook-timestamp, webhook-signature}, body}]
import assert from "node:assert/strict";
import { test } from "node:test";
import { Webhook } from "standardwebhooks";

const SECRET = required("ATRIUM_WEBHOOK_SECRET");
const DELIVERIES = JSON.parse(required("ATRIUM_WEBHOOK_DELIVERIES"));

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set (StandardWebhooksNodeTest sets it)`);
  return value;
}

// --- the README's receiver: the raw body (express.raw) and the request's headers ---
const wh = new Webhook(SECRET);
function receive(rawBody, headers) {
  return wh.verify(rawBody, headers); // the parsed JSON; throws on a bad signature or a timestamp over 5 min off
}
// --- end of the receiver ---

test("both deliveries were captured: an event and a userpass call", () => {
  assert.equal(DELIVERIES.length, 2);
  assert.match(DELIVERIES[0].headers["webhook-id"], /^evt_/);
  assert.match(DELIVERIES[1].headers["webhook-id"], /^msg_/);
});

for (const [i, d] of DELIVERIES.entries()) {
  const raw = Buffer.from(d.body, "utf8");

  test(`delivery ${i}: verified, and its JSON is what Atrium sent`, () => {
    const payload = receive(raw, d.headers);

    assert.deepEqual(payload, JSON.parse(d.body));
    assert.ok(payload.type === "user.created" || payload.type === "confirm", `type ${payload.type}`);
  });

  test(`delivery ${i}: a changed body is refused`, () => {
    const changed = Buffer.from(d.body.replace(/"/g, "'"), "utf8");
    assert.throws(() => receive(changed, d.headers), /signature/i);
  });

  test(`delivery ${i}: another message id is refused`, () => {
    assert.throws(() => receive(raw, { ...d.headers, "webhook-id": "msg_other" }), /signature/i);
  });

  test(`delivery ${i}: another secret is refused`, () => {
    const other = new Webhook("whsec_" + Buffer.alloc(32, 7).toString("base64"));
    assert.throws(() => other.verify(raw, d.headers), /signature/i);
  });
}
