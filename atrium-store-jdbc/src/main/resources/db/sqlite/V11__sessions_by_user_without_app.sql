-- Sessions keyed by (user, id), without app_id (docs/stores.md, "The tables"; docs/performance.md,
-- "Bytes per guest"). Every look-up of a session by id comes with its user (the refresh token's
-- sub), and a user's sessions (the cascade from users, revokeAll, the admin list) are a range of
-- the same key: one index where there were two. A session's app is its user's, and every read of a
-- session joins its user by primary key anyway, so app_id only repeated users.app_id. SQLite
-- cannot change a table's key: the table is made anew and the rows copied (nothing references it).
--
-- Guests' anon-user identities are no longer written as rows (ImpliedIdentity) but need no change
-- of schema: a guest's identity is implied by its user row while it has no identity row, and the
-- rows of guests from before are read as they were.
CREATE TABLE sessions_v11 (
    id           TEXT    NOT NULL,
    user_id      TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id    TEXT    NOT NULL,
    refresh_hash TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, id)
);
INSERT INTO sessions_v11 (id, user_id, device_id, refresh_hash, created_at, expires_at)
    SELECT id, user_id, device_id, refresh_hash, created_at, expires_at FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_v11 RENAME TO sessions;
