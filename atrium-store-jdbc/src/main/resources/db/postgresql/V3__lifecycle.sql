-- Lifecycle (issue 5): the event outbox, written in the transaction of each change it reports.

CREATE TABLE events (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    app_id          TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    detail          TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    lease_until     BIGINT ,
    finished_at     BIGINT ,
    outcome         TEXT,
    last_error      TEXT
);
-- Claiming: a user's oldest pending event, per app.
CREATE INDEX events_pending ON events (app_id, user_id, seq) WHERE finished_at IS NULL;
-- Trimming.
CREATE INDEX events_created ON events (created_at);
