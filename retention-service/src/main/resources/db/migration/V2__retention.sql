-- retention-service: the schedule overrides, the projections it needs from other services' events, the register of
-- records held, legal holds, and disposal batches with their destruction certificates. Every table is keyed by
-- school first.

-- A school's own version of a record class: an override of an IRMS default (same code) or a class the school added.
-- Versions are never updated or deleted; the highest version of a code is the one in force.
CREATE TABLE schedule_rule (
    school_urn          CHAR(6)     NOT NULL,
    class_code          TEXT        NOT NULL,
    version             INTEGER     NOT NULL,
    origin              TEXT        NOT NULL CHECK (origin IN ('SCHOOL_OVERRIDE', 'SCHOOL_CLASS')),
    description         TEXT        NOT NULL,
    trigger_event       TEXT        NOT NULL,
    period              TEXT        NOT NULL,
    action              TEXT        NOT NULL,
    basis               TEXT        NOT NULL,
    citation            TEXT        NOT NULL,
    consent_purposes    TEXT[]      NOT NULL DEFAULT '{}',
    categories          TEXT[]      NOT NULL DEFAULT '{}',
    review_on_leaving   BOOLEAN     NOT NULL DEFAULT FALSE,
    until_pupil_age     INTEGER,
    note                TEXT,
    change_reason       TEXT,
    changed_by          TEXT        NOT NULL,
    changed_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, class_code, version)
);

-- Projection of custodian.roster.v1: the two dates due dates need, nothing else about the child.
CREATE TABLE pupil (
    school_urn      CHAR(6)     NOT NULL,
    pupil_id        TEXT        NOT NULL,
    date_of_birth   DATE,
    leaving_date    DATE,
    on_roll         BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, pupil_id)
);

-- Projection of custodian.consent.v1: purposes whose consent a pupil has withdrawn (deleted if consent is given again).
CREATE TABLE consent_withdrawal (
    school_urn      CHAR(6)     NOT NULL,
    pupil_id        TEXT        NOT NULL,
    purpose         TEXT        NOT NULL,
    withdrawn_on    DATE        NOT NULL,
    PRIMARY KEY (school_urn, pupil_id, purpose)
);

-- Projection of custodian.rights.v1: approved erasures.
CREATE TABLE erasure (
    school_urn          CHAR(6)     NOT NULL,
    pupil_id            TEXT        NOT NULL,
    request_id          TEXT        NOT NULL,
    approved_on         DATE        NOT NULL,
    consent_based_only  BOOLEAN     NOT NULL,
    categories          TEXT[]      NOT NULL DEFAULT '{}',
    reason              TEXT,
    PRIMARY KEY (school_urn, pupil_id, request_id)
);

-- The register of records held by the MIS and other systems, with each one's due date.
CREATE TABLE holding (
    school_urn      CHAR(6)     NOT NULL,
    id              UUID        NOT NULL,
    class_code      TEXT        NOT NULL,
    pupil_id        TEXT,
    system          TEXT        NOT NULL,
    reference       TEXT        NOT NULL,
    purpose         TEXT,
    created_on      DATE        NOT NULL,
    closed_on       DATE,
    status          TEXT        NOT NULL DEFAULT 'ACTIVE'
                    CHECK (status IN ('ACTIVE', 'PROPOSED', 'APPROVED', 'DISPOSED', 'TRANSFERRED')),
    due_on          DATE,
    due_action      TEXT,
    due_because     TEXT,
    waiting_for     TEXT,
    erasure_note    TEXT,
    review_on       DATE,
    batch_id        UUID,
    approved_action TEXT,
    disposed_on     DATE,
    registered_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, id),
    CONSTRAINT holding_source UNIQUE (school_urn, system, reference),
    CONSTRAINT holding_dates CHECK (closed_on IS NULL OR closed_on >= created_on)
);

-- The due-record query: a school's active holdings in due-date order (partial, so disposed history never slows it).
CREATE INDEX holding_due ON holding (school_urn, due_on, id) WHERE status = 'ACTIVE' AND due_on IS NOT NULL;
-- A child's holdings (recomputation on roster, consent and rights events; subject access export).
CREATE INDEX holding_pupil ON holding (school_urn, pupil_id) WHERE pupil_id IS NOT NULL;
-- Recomputation when a class's rule changes, and the class filter.
CREATE INDEX holding_class ON holding (school_urn, class_code);
-- Holdings of a batch.
CREATE INDEX holding_batch ON holding (school_urn, batch_id) WHERE batch_id IS NOT NULL;

-- Legal holds: while one applies to a holding it never enters a disposal batch. Released holds stay as the record.
CREATE TABLE legal_hold (
    school_urn      CHAR(6)     NOT NULL,
    id              UUID        NOT NULL,
    scope           TEXT        NOT NULL CHECK (scope IN ('SCHOOL', 'PUPIL', 'RECORD_CLASS')),
    pupil_id        TEXT,
    class_code      TEXT,
    reason          TEXT        NOT NULL,
    reference       TEXT        NOT NULL,
    placed_by       TEXT        NOT NULL,
    placed_at       TIMESTAMPTZ NOT NULL,
    ends_on         DATE,
    released_at     TIMESTAMPTZ,
    released_how    TEXT        CHECK (released_how IN ('RELEASED', 'ENDED')),
    released_by     TEXT,
    release_reason  TEXT,
    PRIMARY KEY (school_urn, id),
    CONSTRAINT legal_hold_scope CHECK (
        (scope = 'SCHOOL' AND pupil_id IS NULL AND class_code IS NULL)
        OR (scope = 'PUPIL' AND pupil_id IS NOT NULL AND class_code IS NULL)
        OR (scope = 'RECORD_CLASS' AND class_code IS NOT NULL AND pupil_id IS NULL))
);

CREATE INDEX legal_hold_active ON legal_hold (school_urn, scope) WHERE released_at IS NULL;

-- Disposal batches and their items. Kept permanently: they are the destruction certificates.
CREATE TABLE disposal_batch (
    school_urn          CHAR(6)     NOT NULL,
    id                  UUID        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'COMPLETED')),
    due_on_or_before    DATE        NOT NULL,
    item_count          INTEGER     NOT NULL,
    proposed_by         TEXT        NOT NULL,
    proposed_at         TIMESTAMPTZ NOT NULL,
    approved_by         TEXT,
    approved_at         TIMESTAMPTZ,
    approval_note       TEXT,
    completed_at        TIMESTAMPTZ,
    PRIMARY KEY (school_urn, id)
);

CREATE INDEX disposal_batch_recent ON disposal_batch (school_urn, proposed_at DESC, id);

CREATE TABLE disposal_item (
    school_urn          CHAR(6)     NOT NULL,
    batch_id            UUID        NOT NULL,
    holding_id          UUID        NOT NULL,
    class_code          TEXT        NOT NULL,
    pupil_id            TEXT,
    system              TEXT        NOT NULL,
    reference           TEXT        NOT NULL,
    created_on          DATE        NOT NULL,
    closed_on           DATE,
    due_on              DATE        NOT NULL,
    proposed_action     TEXT        NOT NULL,
    decision            TEXT,
    decision_reason     TEXT,
    review_on           DATE,
    next_school_urn     CHAR(6),
    disposed_on         DATE,
    method              TEXT,
    confirmed_by        TEXT,
    confirmed_by_caller TEXT,
    confirmed_at        TIMESTAMPTZ,
    PRIMARY KEY (school_urn, batch_id, holding_id)
);

CREATE INDEX disposal_item_holding ON disposal_item (school_urn, holding_id);
