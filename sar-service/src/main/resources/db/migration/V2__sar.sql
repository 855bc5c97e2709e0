-- sar-service's own tables. Every table is keyed by school first.

-- The roster projection (custodian.roster.v1, from consent-service): identifiers and the facts the relationship and
-- age checks need, never names or contact details.
CREATE TABLE school_profile (
    school_urn      CHAR(6)     PRIMARY KEY,
    name            TEXT,
    school_type     TEXT,
    region          TEXT,
    competence_age  INTEGER     NOT NULL DEFAULT 13,
    dpo_name        TEXT,
    dpo_email       TEXT,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE roster_pupil (
    school_urn      CHAR(6)     NOT NULL,
    pupil_id        TEXT        NOT NULL,
    date_of_birth   DATE,
    year_group      INTEGER,
    admission_date  DATE,
    leaving_date    DATE,
    on_roll         BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, pupil_id)
);

CREATE TABLE roster_guardian_link (
    school_urn               CHAR(6)     NOT NULL,
    guardian_id              TEXT        NOT NULL,
    pupil_id                 TEXT        NOT NULL,
    parental_responsibility  BOOLEAN     NOT NULL,
    relationship             TEXT,
    linked                   BOOLEAN     NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, guardian_id, pupil_id)
);
CREATE INDEX roster_guardian_link_pupil ON roster_guardian_link (school_urn, pupil_id);

-- The school's term calendar: terms, holidays and INSET days (owned here; edited by the DPO or imported from the MIS).
CREATE TABLE term_calendar (
    school_urn  CHAR(6)     PRIMARY KEY,
    version     BIGINT      NOT NULL,
    source      TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  TEXT        NOT NULL
);

CREATE TABLE term_calendar_entry (
    school_urn  CHAR(6)  NOT NULL REFERENCES term_calendar (school_urn) ON DELETE CASCADE,
    position    INTEGER  NOT NULL,
    kind        TEXT     NOT NULL CHECK (kind IN ('TERM', 'HOLIDAY', 'INSET')),
    name        TEXT     NOT NULL,
    starts_on   DATE     NOT NULL,
    ends_on     DATE     NOT NULL CHECK (ends_on >= starts_on),
    PRIMARY KEY (school_urn, position)
);

-- Rights requests and complaints.
CREATE TABLE rights_request (
    school_urn               CHAR(6)     NOT NULL,
    id                       UUID        NOT NULL,
    seq                      BIGINT      GENERATED ALWAYS AS IDENTITY,
    type                     TEXT        NOT NULL,
    status                   TEXT        NOT NULL,
    subject_type             TEXT        NOT NULL CHECK (subject_type IN ('PUPIL', 'GUARDIAN')),
    pupil_id                 TEXT,
    guardian_id              TEXT,
    requester_type           TEXT        NOT NULL CHECK (requester_type IN ('GUARDIAN', 'PUPIL')),
    requester_id             TEXT        NOT NULL,
    logged_by                TEXT        NOT NULL,
    logged_by_role           TEXT        NOT NULL,
    channel                  TEXT        NOT NULL,
    received_on              DATE        NOT NULL,
    description              TEXT        NOT NULL,
    child_age_on_receipt     INTEGER,
    child_agreement_note     TEXT,
    identity_requested_on    DATE,
    identity_confirmed_on    DATE,
    fee_requested_on         DATE,
    fee_received_on          DATE,
    extension_told_on        DATE,
    extension_reason         TEXT,
    acknowledged_on          DATE,
    closed_on                DATE,
    due_on                   DATE,
    acknowledge_by           DATE,
    next_deadline            DATE,
    resolution               JSONB       NOT NULL DEFAULT '{}'::jsonb,
    version                  BIGINT      NOT NULL DEFAULT 1,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, id),
    CHECK ((subject_type = 'PUPIL' AND pupil_id IS NOT NULL) OR (subject_type = 'GUARDIAN' AND guardian_id IS NOT NULL))
);
CREATE UNIQUE INDEX rights_request_seq ON rights_request (school_urn, seq);
CREATE INDEX rights_request_requester ON rights_request (school_urn, requester_type, requester_id, seq);
CREATE INDEX rights_request_pupil ON rights_request (school_urn, pupil_id, seq);
CREATE INDEX rights_request_status ON rights_request (school_urn, status, seq);
CREATE INDEX rights_request_due ON rights_request (school_urn, due_on, seq) WHERE due_on IS NOT NULL;
CREATE INDEX rights_request_next_deadline ON rights_request (school_urn, next_deadline, seq) WHERE next_deadline IS NOT NULL;
-- the daily reminder job looks across schools for open requests near their deadline
CREATE INDEX rights_request_open_deadlines ON rights_request (next_deadline, school_urn) WHERE next_deadline IS NOT NULL;

CREATE TABLE request_clarification (
    school_urn   CHAR(6)  NOT NULL,
    request_id   UUID     NOT NULL,
    position     INTEGER  NOT NULL,
    asked_on     DATE     NOT NULL,
    question     TEXT     NOT NULL,
    answered_on  DATE,
    answer       TEXT,
    PRIMARY KEY (school_urn, request_id, position),
    FOREIGN KEY (school_urn, request_id) REFERENCES rights_request (school_urn, id)
);

-- Every step of a request: who, when, why.
CREATE TABLE request_step (
    school_urn   CHAR(6)     NOT NULL,
    request_id   UUID        NOT NULL,
    position     INTEGER     NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor        TEXT        NOT NULL,
    actor_role   TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    from_status  TEXT,
    to_status    TEXT        NOT NULL,
    effective_on DATE,
    note         TEXT,
    PRIMARY KEY (school_urn, request_id, position),
    FOREIGN KEY (school_urn, request_id) REFERENCES rights_request (school_urn, id)
);

-- Documents staff upload to a request (the educational record, letters, records held outside the suite).
CREATE TABLE request_document (
    school_urn   CHAR(6)     NOT NULL,
    request_id   UUID        NOT NULL,
    id           UUID        NOT NULL,
    seq          BIGINT      GENERATED ALWAYS AS IDENTITY,
    filename     TEXT        NOT NULL,
    media_type   TEXT        NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    sha256       CHAR(64)    NOT NULL,
    description  TEXT,
    content      BYTEA       NOT NULL,
    uploaded_by  TEXT        NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, request_id, id),
    FOREIGN KEY (school_urn, request_id) REFERENCES rights_request (school_urn, id)
);
CREATE INDEX request_document_order ON request_document (school_urn, request_id, seq);

-- The assembled response: the Art. 15 JSON and its PDF rendering, and which sources did not answer.
CREATE TABLE request_bundle (
    school_urn       CHAR(6)     NOT NULL,
    request_id       UUID        NOT NULL,
    assembled_at     TIMESTAMPTZ NOT NULL,
    assembled_by     TEXT        NOT NULL,
    missing_sources  TEXT[]      NOT NULL DEFAULT '{}',
    content          TEXT        NOT NULL,
    pdf              BYTEA       NOT NULL,
    PRIMARY KEY (school_urn, request_id),
    FOREIGN KEY (school_urn, request_id) REFERENCES rights_request (school_urn, id)
);

-- Why the DPO accepts a bundle without a source that did not answer.
CREATE TABLE bundle_waiver (
    school_urn  CHAR(6)     NOT NULL,
    request_id  UUID        NOT NULL,
    source      TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    waived_by   TEXT        NOT NULL,
    waived_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, request_id, source),
    FOREIGN KEY (school_urn, request_id) REFERENCES rights_request (school_urn, id)
);

-- Which due-soon and overdue events the daily job has emitted, so each is emitted once per deadline.
CREATE TABLE deadline_notice (
    school_urn  CHAR(6)     NOT NULL,
    request_id  UUID        NOT NULL,
    kind        TEXT        NOT NULL,
    deadline    TEXT        NOT NULL,
    due_on      DATE        NOT NULL,
    emitted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, request_id, kind, deadline, due_on)
);
