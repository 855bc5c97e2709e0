-- Idempotent consumers: an event id is recorded per consumer in the same transaction as its effect.
CREATE TABLE inbox_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    event_type    TEXT,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
