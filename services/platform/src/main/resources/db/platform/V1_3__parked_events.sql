-- Events set aside so that one poison event never blocks the others: an outbox record the broker refuses for good
-- (kind 'outbox'), or a consumed event its handler failed again and again (kind 'inbox', with the consumer group).
-- An admin retries or discards them. While an outbox event of a subject is parked, that subject's later events wait,
-- so their order is kept; outbox_seq is where the event goes back into the outbox on a retry.

CREATE TABLE parked_event (
    id          bigserial   PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('outbox', 'inbox')),
    consumer    text,
    event_id    uuid        NOT NULL,
    type        text        NOT NULL,
    subject     text,
    occurred_at timestamptz,
    payload     text        NOT NULL,
    error       text        NOT NULL,
    attempts    int         NOT NULL,
    outbox_seq  bigint,
    parked_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'outbox') = (outbox_seq IS NOT NULL)),
    CHECK ((kind = 'inbox') = (consumer IS NOT NULL))
);
CREATE UNIQUE INDEX parked_event_outbox ON parked_event (event_id) WHERE kind = 'outbox';
CREATE UNIQUE INDEX parked_event_inbox ON parked_event (consumer, event_id) WHERE kind = 'inbox';
CREATE INDEX parked_event_outbox_subject ON parked_event (subject) WHERE kind = 'outbox';
