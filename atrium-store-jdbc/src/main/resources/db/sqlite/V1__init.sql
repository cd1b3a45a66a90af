-- Atrium schema v1 for SQLite. Times are epoch milliseconds; ids are 24-hex text (design §3).
-- Forward-only: change the schema in a new V<n>__*.sql, never by editing this file.

CREATE TABLE server_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE apps (
    id         TEXT PRIMARY KEY,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    settings   TEXT    NOT NULL
);

CREATE TABLE providers (
    id      TEXT PRIMARY KEY,
    app_id  TEXT    NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    type    TEXT    NOT NULL,
    enabled INTEGER NOT NULL,
    config  TEXT    NOT NULL,
    UNIQUE (app_id, type)
);

CREATE TABLE users (
    id             TEXT PRIMARY KEY,
    app_id         TEXT    NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    type           TEXT    NOT NULL,
    disabled       INTEGER NOT NULL DEFAULT 0,
    -- 1 while the only identity is anon-user; kept by every identity write (design §1 rule 2)
    anonymous      INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    last_active_at INTEGER NOT NULL,
    custom_data    TEXT
);
-- The sweeper's scan: guests of an app by last activity (design §4).
CREATE INDEX users_guests_by_activity ON users (app_id, last_active_at) WHERE anonymous = 1;

CREATE TABLE identities (
    app_id        TEXT    NOT NULL,
    provider_type TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    user_id       TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    provider_data TEXT,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (app_id, provider_type, subject)
);
CREATE INDEX identities_by_user ON identities (user_id);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    app_id       TEXT    NOT NULL,
    user_id      TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id    TEXT    NOT NULL,
    refresh_hash TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE signing_keys (
    kid         TEXT PRIMARY KEY,
    app_id      TEXT    NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    alg         TEXT    NOT NULL,
    private_jwk TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    retired_at  INTEGER
);
-- At most one active key per app: two nodes creating the first key at once cannot both win.
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (app_id) WHERE state = 'active';

CREATE TABLE admin_tokens (
    id         TEXT PRIMARY KEY,
    name       TEXT    NOT NULL,
    token_hash TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
