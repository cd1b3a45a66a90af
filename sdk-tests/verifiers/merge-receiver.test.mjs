// The README's receiver of a merge (README, "A guest's life", the block with "user.merged"), read
// from the README itself and run on real deliveries of a merge, verified by the Standard Webhooks
// specification's Node library. Run by StandardWebhooksNodeTest (interop-tests), which sets:
//   ATRIUM_WEBHOOK_SECRET      the secret configured in Atrium (whsec_…)
//   ATRIUM_WEBHOOK_DELIVERIES  JSON, in the order they came: [{headers: {webhook-id, webhook-timestamp, webhook-signature}, body}]
//   ATRIUM_GUEST_ID            the guest that was merged
//   ATRIUM_HOLDER_ID           the user it was merged into
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Webhook } from "standardwebhooks";

const SECRET = required("ATRIUM_WEBHOOK_SECRET");
const DELIVERIES = JSON.parse(required("ATRIUM_WEBHOOK_DELIVERIES"));
const GUEST = required("ATRIUM_GUEST_ID");
const HOLDER = required("ATRIUM_HOLDER_ID");

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set (StandardWebhooksNodeTest sets it)`);
  return value;
}

/** The README's code block that handles user.merged, as written there. */
function readmeReceiver() {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.includes('"user.merged"'));
  assert.ok(block, "the README has a receiver of user.merged");
  return block;
}

/** A collection of documents {owner} with the two calls the receiver makes (MongoDB's names). */
function collection(docs) {
  const matches = (doc, filter) => Object.entries(filter).every(([k, v]) => doc[k] === v);
  return {
    docs,
    async updateMany(filter, { $set }) {
      for (const doc of docs) if (matches(doc, filter)) Object.assign(doc, $set);
    },
    async deleteMany(filter) {
      for (let i = docs.length - 1; i >= 0; i--) if (matches(docs[i], filter)) docs.splice(i, 1);
    },
  };
}

/** The README's handler with its free names bound: app, express, wh (this secret's Webhook) and db. */
function handlerOf(db) {
  let handler;
  const app = { post: (_path, _raw, h) => { handler = h; } };
  const express = { raw: () => null };
  new Function("app", "express", "wh", "db", readmeReceiver())(app, express, new Webhook(SECRET), db);
  assert.equal(typeof handler, "function", "the block registers a handler with app.post");
  return handler;
}

/** Delivers one captured request to the handler as Express would (raw body, headers); returns the status. */
async function deliver(handler, d, body = d.body) {
  let status;
  await handler({ body: Buffer.from(body, "utf8"), headers: d.headers }, { sendStatus: (s) => { status = s; } });
  return status;
}

function seeded() {
  const likes = collection([{ post: "a", owner: GUEST }, { post: "b", owner: GUEST }, { post: "c", owner: HOLDER }]);
  return { likes, db: { collection: (name) => { assert.equal(name, "likes"); return likes; } } };
}

const owners = (likes) => likes.docs.map((d) => `${d.post}:${d.owner === HOLDER ? "holder" : d.owner === GUEST ? "guest" : d.owner}`);

test("the guest's events came in order: created, merged, then deleted (reason merged)", () => {
  const guestEvents = DELIVERIES.map((d) => JSON.parse(d.body)).filter((e) => e.user_id === GUEST);
  assert.deepEqual(guestEvents.map((e) => e.type), ["user.created", "user.merged", "user.deleted"]);
  assert.equal(guestEvents[1].from, GUEST);
  assert.equal(guestEvents[1].into, HOLDER);
  assert.equal(guestEvents[2].reason, "merged");
});

test("the README's receiver moves the guest's likes to the user it became, and its deletion removes nothing", async () => {
  const { likes, db } = seeded();
  const handler = handlerOf(db);

  for (const d of DELIVERIES) assert.equal(await deliver(handler, d), 204, d.body);

  assert.deepEqual(owners(likes), ["a:holder", "b:holder", "c:holder"]);
});

test("delivered again (at least once), every event changes nothing more", async () => {
  const { likes, db } = seeded();
  const handler = handlerOf(db);
  for (const d of [...DELIVERIES, ...DELIVERIES]) await deliver(handler, d);

  assert.deepEqual(owners(likes), ["a:holder", "b:holder", "c:holder"]);
});

test("a merge whose body was changed is refused (401) and moves nothing", async () => {
  const { likes, db } = seeded();
  const handler = handlerOf(db);
  const merged = DELIVERIES.find((d) => JSON.parse(d.body).type === "user.merged");

  assert.equal(await deliver(handler, merged, merged.body.replace(HOLDER, "000000000000000000000000")), 401);

  assert.deepEqual(owners(likes), ["a:guest", "b:guest", "c:holder"]);
});
