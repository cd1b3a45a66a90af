-- Sessions keyed by (user, id), without app_id (docs/stores.md, "The tables"; docs/performance.md,
-- "Bytes per guest"). Every look-up of a session by id comes with its user (the refresh token's
-- sub), and a user's sessions (the cascade from users, revokeAll, the admin list) are a range of
-- the same key: one index where there were two (the id's and sessions_by_user). A session's app is
-- its user's, and every read of a session joins its user by primary key anyway, so app_id only
-- repeated users.app_id in every row. Sessions are only inserted and deleted, and new ones mostly
-- come last in the key (new guests' ids are time-ordered): the key's pages are filled whole.
--
-- Dropping the column is instant; rows written before keep its bytes until they go (sessions
-- expire). The new key is built once, from the rows there are, under a lock on sessions: a
-- migration to plan like any other that rebuilds an index (docs/scaling.md, "Rolling restart").
--
-- Guests' anon-user identities are no longer written as rows (ImpliedIdentity) but need no change
-- of schema: a guest's identity is implied by its user row while it has no identity row, and the
-- rows of guests from before are read as they were.
ALTER TABLE sessions DROP COLUMN app_id;
ALTER TABLE sessions DROP CONSTRAINT sessions_pkey;
ALTER TABLE sessions ADD PRIMARY KEY (user_id, id) WITH (fillfactor = 100);
DROP INDEX sessions_by_user;
