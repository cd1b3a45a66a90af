-- Merging a guest into the user that holds an identity the guest proved it owns (docs/client-api.md,
-- Merging a guest), and conversions counted by provider (docs/events.md).

-- A refused link's merge ticket: single use (spent by the merge's DELETE, in the merge's
-- transaction), a few minutes long, bound to the guest and the holder (gone with either of them).
-- hash is the SHA-256 of the ticket the guest was sent, never the ticket itself.
CREATE TABLE merge_tickets (
    hash          TEXT PRIMARY KEY,
    app_id        TEXT   NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    guest_id      TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    holder_id     TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider_type TEXT   NOT NULL,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX merge_tickets_by_expiry ON merge_tickets (expires_at);
-- The cascades from users look tickets up by either user.
CREATE INDEX merge_tickets_by_guest ON merge_tickets (guest_id);
CREATE INDEX merge_tickets_by_holder ON merge_tickets (holder_id);

-- user.merged names the user the guest went into; the event's user_id is the guest, so the merge
-- is delivered before the guest's user.deleted.
ALTER TABLE events ADD COLUMN into_user_id TEXT;
-- Whether the event made a guest a lasting user: a guest's first link, every merge.
ALTER TABLE events ADD COLUMN conversion BOOLEAN NOT NULL DEFAULT FALSE;
-- Links written before this column existed count as conversions, as the stats counted them then.
UPDATE events SET conversion = TRUE WHERE type = 'user.linked';
