-- Sessions without app_id (docs/stores.md, "Sessions"; docs/performance.md, "Bytes per guest"): a
-- session's app is its user's, and every read of a session joins its user anyway (by primary key),
-- so the column only repeated users.app_id in every row. SQLite rewrites the table without it.
--
-- Guests' anon-user identities are no longer written as rows (ImpliedIdentity) but need no change
-- of schema: a guest's identity is implied by its user row while it has no identity row, and the
-- rows of guests from before are read as they were.
ALTER TABLE sessions DROP COLUMN app_id;
