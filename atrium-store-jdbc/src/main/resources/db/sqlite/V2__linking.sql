-- Lasting identities (issue 4): email/password accounts and user API keys.

CREATE TABLE userpass (
    id                 TEXT PRIMARY KEY,
    app_id             TEXT    NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    email              TEXT    NOT NULL,
    password_hash      TEXT    NOT NULL,
    confirmed          INTEGER NOT NULL,
    confirm_token_id   TEXT,
    confirm_token_hash TEXT,
    confirm_expires_at INTEGER,
    reset_token_id     TEXT,
    reset_token_hash   TEXT,
    reset_expires_at   INTEGER,
    created_at         INTEGER NOT NULL,
    UNIQUE (app_id, email)
);
CREATE INDEX userpass_confirm_token ON userpass (app_id, confirm_token_id) WHERE confirm_token_id IS NOT NULL;
CREATE INDEX userpass_reset_token ON userpass (app_id, reset_token_id) WHERE reset_token_id IS NOT NULL;

CREATE TABLE api_keys (
    id         TEXT PRIMARY KEY,
    app_id     TEXT    NOT NULL,
    user_id    TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    key_hash   TEXT    NOT NULL UNIQUE,
    disabled   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, name)
);
