-- Feeds answered 202 Accepted: each run's state, progress and outcome, so a client polling its Location gets an
-- answer even after the service restarted. A run whose instance stopped sending heartbeats is marked failed.
CREATE TABLE feed_run (
    id              uuid        PRIMARY KEY,
    feed            text        NOT NULL,
    mode            text        NOT NULL,
    idempotency_key text,
    body_sha256     text        NOT NULL,
    body_bytes      bigint      NOT NULL,
    state           text        NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    rows_read       bigint      NOT NULL DEFAULT 0,
    report          text,
    problem         text,
    instance        text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    heartbeat_at    timestamptz NOT NULL DEFAULT now()
);
-- one unfinished run per key: a retry while it runs is pointed at it instead of starting another
CREATE UNIQUE INDEX feed_run_unfinished_key ON feed_run (feed, idempotency_key)
    WHERE state IN ('queued', 'running') AND idempotency_key IS NOT NULL;
CREATE INDEX feed_run_unfinished ON feed_run (heartbeat_at) WHERE state IN ('queued', 'running');
