-- Partner actions: what a partner was asked to do about one pupil (stop using, erase, rectify, restrict, delete all),
-- by when, and what it answered. Keyed by school first.

-- How long partners have to act under an agreement, per kind of action ({"ERASE": {"amount": 1, "unit":
-- "CALENDAR_MONTHS"}}); a kind not listed uses the default.
ALTER TABLE agreement ADD COLUMN action_deadlines JSONB NOT NULL DEFAULT '{}';
-- Agreements whose end the daily job has looked at (once per end date).
CREATE INDEX agreement_ending ON agreement (valid_to) WHERE valid_to IS NOT NULL;
CREATE TABLE agreement_end (
    school_urn     CHAR(6)     NOT NULL,
    agreement_id   UUID        NOT NULL,
    valid_to       DATE        NOT NULL,
    processed_at   TIMESTAMPTZ NOT NULL,
    actions        INTEGER     NOT NULL,
    PRIMARY KEY (school_urn, agreement_id, valid_to)
);

CREATE TABLE partner_action (
    school_urn                CHAR(6)     NOT NULL,
    id                        UUID        NOT NULL,
    recipient_id              UUID        NOT NULL,
    pupil_id                  TEXT        NOT NULL,
    kind                      TEXT        NOT NULL,
    -- the partner webhook that asked for it (consent.withdrawn, erasure.requested, rectification.requested,
    -- processing.restricted, sharing.ended), its message, and the event or change behind it
    cause_type                TEXT        NOT NULL,
    cause_event_id            TEXT        NOT NULL,
    cause_reference           TEXT,
    message_id                TEXT        NOT NULL,
    data_categories           TEXT[]      NOT NULL,
    agreement_ids             TEXT[]      NOT NULL,
    status                    TEXT        NOT NULL,
    opened_at                 TIMESTAMPTZ NOT NULL,
    due_on                    DATE        NOT NULL,
    acknowledged_at           TIMESTAMPTZ,
    acknowledgement_note      TEXT,
    completed_at              TIMESTAMPTZ,
    completion_performed_at   TIMESTAMPTZ,
    completion_outcome        TEXT,
    completion_record_count   BIGINT,
    completion_reference      TEXT,
    completion_note           TEXT,
    disputed_at               TIMESTAMPTZ,
    dispute_reason            TEXT,
    dispute_legal_reference   TEXT,
    overdue_since             TIMESTAMPTZ,
    reminders                 INTEGER     NOT NULL DEFAULT 0,
    last_reminder_at          TIMESTAMPTZ,
    closed_at                 TIMESTAMPTZ,
    closed_by                 TEXT,
    closure_note              TEXT,
    version                   BIGINT      NOT NULL DEFAULT 1,
    updated_at                TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, id),
    FOREIGN KEY (school_urn, recipient_id) REFERENCES recipient (school_urn, id),
    FOREIGN KEY (school_urn, message_id) REFERENCES webhook_message (school_urn, id),
    CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'OVERDUE', 'COMPLETED', 'DISPUTED', 'CLOSED'))
);
CREATE UNIQUE INDEX partner_action_by_message ON partner_action (school_urn, message_id);
CREATE INDEX partner_action_by_time ON partner_action (school_urn, opened_at DESC, id DESC);
CREATE INDEX partner_action_by_recipient ON partner_action (school_urn, recipient_id, opened_at DESC, id DESC);
CREATE INDEX partner_action_by_pupil ON partner_action (school_urn, pupil_id, opened_at DESC, id DESC);
-- The daily job across schools: actions still waiting whose day may have passed, and overdue ones to remind.
CREATE INDEX partner_action_waiting ON partner_action (due_on) WHERE status IN ('OPEN', 'ACKNOWLEDGED');
CREATE INDEX partner_action_overdue ON partner_action (last_reminder_at) WHERE status = 'OVERDUE';

-- Whether a message reached the partner: deliveries by message.
CREATE INDEX webhook_delivery_by_message ON webhook_delivery (school_urn, message_id);
