-- Web sign-ins under way (realm-web's redirect flow): what Atrium remembers between sending a
-- browser to Google, Apple or Facebook and the browser coming back to its callback. Taken once
-- (DELETE … RETURNING), at most ten minutes old; expired rows are deleted by later starts.
-- id is the SHA-256 of the state token the provider carries, never the token itself.
CREATE TABLE redirect_states (
    id                TEXT PRIMARY KEY,
    app_id            TEXT   NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    provider_type     TEXT   NOT NULL,
    client_state      TEXT   NOT NULL,
    redirect_url      TEXT   NOT NULL,
    device_id         TEXT,
    -- a link's user, session, device and browser binding (SHA-256 of its cookie); all null for a login
    link_user_id      TEXT,
    link_session_id   TEXT,
    link_device_id    TEXT,
    link_binding_hash TEXT,
    nonce             TEXT   NOT NULL,
    created_at        BIGINT NOT NULL,
    expires_at        BIGINT NOT NULL
);
CREATE INDEX redirect_states_by_expiry ON redirect_states (expires_at);
