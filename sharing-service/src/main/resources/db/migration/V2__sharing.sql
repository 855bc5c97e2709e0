-- sharing-service: recipients, agreements, the disclosure log, the projections of consent/roster/rights events,
-- and partner webhooks. Every table is keyed by school first.

-- Schools whose defaults (recipients and statutory agreements from the privacy notice) have been seeded.
CREATE TABLE school_seed (
    school_urn  CHAR(6)     PRIMARY KEY,
    seeded_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE recipient (
    school_urn          CHAR(6)     NOT NULL,
    id                  UUID        NOT NULL,
    name                TEXT        NOT NULL,
    kind                TEXT        NOT NULL,
    country             CHAR(2)     NOT NULL,
    contact             TEXT,
    contract_reference  TEXT,
    description         TEXT,
    status              TEXT        NOT NULL,
    seeded              BOOLEAN     NOT NULL DEFAULT false,
    version             BIGINT      NOT NULL DEFAULT 1,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, id)
);
CREATE INDEX recipient_by_name ON recipient (school_urn, name, id);

CREATE TABLE agreement (
    school_urn          CHAR(6)     NOT NULL,
    id                  UUID        NOT NULL,
    recipient_id        UUID        NOT NULL,
    name                TEXT        NOT NULL,
    purposes            TEXT[]      NOT NULL,
    data_categories     TEXT[]      NOT NULL,
    lawful_basis        TEXT        NOT NULL,
    consent_purpose     TEXT,
    legal_reference     TEXT,
    valid_from          DATE        NOT NULL,
    valid_to            DATE,
    transfer_country    CHAR(2),
    transfer_safeguard  TEXT,
    seeded              BOOLEAN     NOT NULL DEFAULT false,
    version             BIGINT      NOT NULL DEFAULT 1,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, id),
    FOREIGN KEY (school_urn, recipient_id) REFERENCES recipient (school_urn, id),
    CHECK ((lawful_basis = 'CONSENT') = (consent_purpose IS NOT NULL))
);
CREATE INDEX agreement_by_recipient ON agreement (school_urn, recipient_id);

-- One POST .../disclosures: who asked, for what, and how many pupils were allowed or refused.
CREATE TABLE disclosure_request (
    school_urn               CHAR(6)     NOT NULL,
    id                       UUID        NOT NULL,
    recipient_id             UUID        NOT NULL,
    purpose                  TEXT        NOT NULL,
    data_categories          TEXT[]      NOT NULL,
    reason                   TEXT        NOT NULL,
    emergency_justification  TEXT,
    requested_by             TEXT        NOT NULL,
    requested_by_role        TEXT        NOT NULL,
    requested_at             TIMESTAMPTZ NOT NULL,
    allowed                  INTEGER     NOT NULL,
    refused                  INTEGER     NOT NULL,
    PRIMARY KEY (school_urn, id)
);

-- The disclosure log: one row per pupil whose data was disclosed. Append-only.
CREATE TABLE disclosure_log (
    school_urn               CHAR(6)     NOT NULL,
    id                       UUID        NOT NULL,
    request_id               UUID        NOT NULL,
    pupil_id                 TEXT        NOT NULL,
    recipient_id             UUID        NOT NULL,
    recipient_name           TEXT        NOT NULL,
    recipient_kind           TEXT        NOT NULL,
    agreement_id             UUID        NOT NULL,
    lawful_basis             TEXT        NOT NULL,
    agreement_basis          TEXT        NOT NULL,
    consent_purpose          TEXT,
    legal_reference          TEXT,
    purpose                  TEXT        NOT NULL,
    data_categories          TEXT[]      NOT NULL,
    reason                   TEXT        NOT NULL,
    override                 BOOLEAN     NOT NULL,
    override_justification   TEXT,
    disclosed_by             TEXT        NOT NULL,
    disclosed_by_role        TEXT        NOT NULL,
    disclosed_at             TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, id)
);
CREATE INDEX disclosure_log_by_time ON disclosure_log (school_urn, disclosed_at DESC, id DESC);
CREATE INDEX disclosure_log_by_pupil ON disclosure_log (school_urn, pupil_id, disclosed_at DESC, id DESC);
CREATE INDEX disclosure_log_by_recipient ON disclosure_log (school_urn, recipient_id, disclosed_at DESC, id DESC);
CREATE INDEX disclosure_log_overrides ON disclosure_log (school_urn, disclosed_at DESC, id DESC) WHERE override;

-- Refused pupils of a request, with the machine-readable reasons. Append-only.
CREATE TABLE disclosure_refusal (
    school_urn    CHAR(6)     NOT NULL,
    request_id    UUID        NOT NULL,
    pupil_id      TEXT        NOT NULL,
    recipient_id  UUID        NOT NULL,
    purpose       TEXT        NOT NULL,
    reasons       TEXT[]      NOT NULL,
    refused_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, request_id, pupil_id)
);
CREATE INDEX disclosure_refusal_by_pupil ON disclosure_refusal (school_urn, pupil_id);

CREATE FUNCTION sharing_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER disclosure_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON disclosure_log
    FOR EACH STATEMENT EXECUTE FUNCTION sharing_log_is_append_only();
CREATE TRIGGER disclosure_refusal_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON disclosure_refusal
    FOR EACH STATEMENT EXECUTE FUNCTION sharing_log_is_append_only();
CREATE TRIGGER disclosure_request_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON disclosure_request
    FOR EACH STATEMENT EXECUTE FUNCTION sharing_log_is_append_only();

-- Projections of other services' events (custodian.roster.v1, custodian.consent.v1, custodian.rights.v1).
CREATE TABLE roster_pupil (
    school_urn     CHAR(6)     NOT NULL,
    pupil_id       TEXT        NOT NULL,
    on_roll        BOOLEAN     NOT NULL,
    leaving_date   DATE,
    as_of          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, pupil_id)
);

CREATE TABLE consent_status (
    school_urn     CHAR(6)     NOT NULL,
    pupil_id       TEXT        NOT NULL,
    purpose        TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    version        INTEGER,
    as_of          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, pupil_id, purpose)
);
CREATE INDEX consent_status_by_purpose ON consent_status (school_urn, purpose, status);

-- The lowest wording version of a purpose that still counts (a rewording that requires re-consent raises it).
CREATE TABLE consent_purpose_floor (
    school_urn     CHAR(6)     NOT NULL,
    purpose        TEXT        NOT NULL,
    min_version    INTEGER     NOT NULL,
    PRIMARY KEY (school_urn, purpose)
);

CREATE TABLE pupil_restriction (
    school_urn     CHAR(6)     NOT NULL,
    pupil_id       TEXT        NOT NULL,
    request_id     TEXT        NOT NULL,
    categories     TEXT[]      NOT NULL,
    since          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, pupil_id, request_id)
);

CREATE TABLE pupil_objection (
    school_urn     CHAR(6)     NOT NULL,
    pupil_id       TEXT        NOT NULL,
    request_id     TEXT        NOT NULL,
    processing     TEXT,
    purposes       TEXT[]      NOT NULL,
    since          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, pupil_id, request_id)
);

-- Partner webhooks (Standard Webhooks 1.0).
CREATE TABLE webhook_endpoint (
    school_urn                  CHAR(6)     NOT NULL,
    id                          UUID        NOT NULL,
    recipient_id                UUID        NOT NULL,
    url                         TEXT        NOT NULL,
    event_types                 TEXT[]      NOT NULL,
    description                 TEXT,
    status                      TEXT        NOT NULL,
    disabled_reason             TEXT,
    secret_enc                  TEXT        NOT NULL,
    previous_secret_enc         TEXT,
    previous_secret_expires_at  TIMESTAMPTZ,
    failing_since               TIMESTAMPTZ,
    version                     BIGINT      NOT NULL DEFAULT 1,
    created_at                  TIMESTAMPTZ NOT NULL,
    updated_at                  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, id),
    FOREIGN KEY (school_urn, recipient_id) REFERENCES recipient (school_urn, id)
);
CREATE INDEX webhook_endpoint_by_recipient ON webhook_endpoint (school_urn, recipient_id);

-- One message (what a partner is told); delivered to each subscribed endpoint of the recipient.
CREATE TABLE webhook_message (
    school_urn     CHAR(6)     NOT NULL,
    id             TEXT        NOT NULL,
    recipient_id   UUID        NOT NULL,
    event_type     TEXT        NOT NULL,
    pupil_id       TEXT,
    payload        TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, id)
);
CREATE INDEX webhook_message_by_pupil ON webhook_message (school_urn, pupil_id) WHERE pupil_id IS NOT NULL;

CREATE TABLE webhook_delivery (
    school_urn        CHAR(6)     NOT NULL,
    id                UUID        NOT NULL,
    endpoint_id       UUID        NOT NULL,
    recipient_id      UUID        NOT NULL,
    message_id        TEXT        NOT NULL,
    event_type        TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    attempts          INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ,
    claimed_until     TIMESTAMPTZ,
    last_attempt_at   TIMESTAMPTZ,
    last_status_code  INTEGER,
    last_duration_ms  INTEGER,
    last_error        TEXT,
    replay_of         UUID,
    created_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, id),
    FOREIGN KEY (school_urn, endpoint_id) REFERENCES webhook_endpoint (school_urn, id),
    FOREIGN KEY (school_urn, message_id) REFERENCES webhook_message (school_urn, id)
);
CREATE INDEX webhook_delivery_by_endpoint ON webhook_delivery (school_urn, endpoint_id, created_at DESC, id DESC);
-- The delivery worker's queue across schools: only pending rows, oldest due first.
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE webhook_attempt (
    school_urn     CHAR(6)     NOT NULL,
    delivery_id    UUID        NOT NULL,
    attempt        INTEGER     NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    duration_ms    INTEGER     NOT NULL,
    status_code    INTEGER,
    outcome        TEXT        NOT NULL,
    error          TEXT,
    PRIMARY KEY (school_urn, delivery_id, attempt)
);
