-- Passkeys (WebAuthn; docs/providers/passkey.md): the credentials users registered, public keys
-- only, and the challenges of ceremonies under way.
--
-- A passkey belongs to its user and goes with it (ON DELETE CASCADE, like API keys). Its
-- credential_id (the authenticator's, base64url) is unique in the app, whoever holds it: a second
-- registration of one credential is refused. credential_data is the attested credential data the
-- authenticator sent (AAGUID, credential id, COSE public key); sign_count is the signature counter
-- of the last accepted assertion, changed only by a compare-and-set on its old value.
CREATE TABLE passkey_credentials (
    id              TEXT PRIMARY KEY,
    app_id          TEXT    NOT NULL,
    user_id         TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    credential_id   TEXT    NOT NULL,
    credential_data TEXT    NOT NULL,
    aaguid          TEXT    NOT NULL,
    sign_count      BIGINT  NOT NULL,
    -- how the browser reaches the authenticator: WebAuthn transport tokens, space-separated
    transports      TEXT    NOT NULL,
    backup_eligible BOOLEAN NOT NULL,
    backed_up       BOOLEAN NOT NULL,
    name            TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    last_used_at    BIGINT,
    UNIQUE (app_id, credential_id)
);
CREATE INDEX passkey_credentials_by_user ON passkey_credentials (user_id);

-- A challenge is kept by hash (the SHA-256 of its base64url text), taken once (DELETE … RETURNING),
-- at most five minutes old; expired rows are deleted as new challenges are issued. user_id is the
-- user a registration is for, null for a login.
CREATE TABLE passkey_challenges (
    id         TEXT PRIMARY KEY,
    app_id     TEXT    NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    ceremony   TEXT    NOT NULL,
    user_id    TEXT,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL
);
CREATE INDEX passkey_challenges_by_expiry ON passkey_challenges (expires_at);
