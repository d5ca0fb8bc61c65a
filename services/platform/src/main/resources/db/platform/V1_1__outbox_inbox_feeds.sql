-- Platform tables every service has: the transactional outbox, the consumer inbox and feed idempotency.
-- Versions 1.x belong to the platform; a service's own migrations start at version 10.

CREATE TABLE outbox_event (
    seq         bigserial   PRIMARY KEY,
    id          uuid        NOT NULL UNIQUE,
    type        text        NOT NULL,
    subject     text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     text        NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_unsent_subject ON outbox_event (subject, seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE inbox_event (
    event_id    uuid        PRIMARY KEY,
    consumer    text        NOT NULL,
    type        text        NOT NULL,
    source      text        NOT NULL,
    subject     text,
    received_at timestamptz NOT NULL DEFAULT now(),
    failure     text
);

CREATE TABLE feed_request (
    feed            text        NOT NULL,
    idempotency_key text        NOT NULL,
    body_sha256     text        NOT NULL,
    report          text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (feed, idempotency_key)
);
