-- Guest admission buckets shared by every node (docs/scaling.md): one row per app and client
-- network (an IPv4 /32 or IPv6 /64), and one per app-wide budget (client_key ''). Taken from by
-- the sign-up statement itself; rows full again are trimmed (a full bucket is the same as none).
-- UNLOGGED: admission state is not worth WAL, fsyncs or replication. After a crash or a failover
-- the buckets start full again: a network gets at most one more burst.
-- fillfactor leaves room on each page so a bucket's update stays HOT (no index write).
CREATE UNLOGGED TABLE guest_buckets (
    app_id     TEXT             NOT NULL,
    client_key TEXT             NOT NULL,
    tokens     DOUBLE PRECISION NOT NULL,
    updated_at BIGINT           NOT NULL,
    granted    INTEGER          NOT NULL,
    burst      INTEGER          NOT NULL,
    per_ms     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (app_id, client_key)
) WITH (fillfactor = 70);
