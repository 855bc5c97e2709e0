-- The changes feed an MIS reads back (GET /roster/changes, issue 17): consent decisions (with the effective status
-- after each) and roster changes made in the suite rather than by the MIS. A row is written in the transaction of the
-- change it records, after that transaction holds the school's audit chain head and its changes lock, so the rows of
-- one school take their seq in the order their transactions commit: a reader positioned after seq n never misses a
-- row that commits later with a smaller one.
CREATE TABLE roster_change (
    seq             BIGSERIAL   PRIMARY KEY,
    school_urn      CHAR(6)     NOT NULL REFERENCES school (urn),
    change_id       UUID        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('CONSENT_DECISION', 'PUPIL', 'GUARDIAN')),
    changed_at      TIMESTAMPTZ NOT NULL,
    changed_by_role TEXT        NOT NULL,
    pupil_id        TEXT,
    guardian_id     TEXT,
    purpose_code    TEXT,
    decision        TEXT,
    decision_id     UUID,
    given_by_type   TEXT,
    status          TEXT,
    outcome         TEXT,
    changed_fields  TEXT[]      NOT NULL DEFAULT '{}',
    UNIQUE (school_urn, change_id)
);
CREATE INDEX roster_change_feed ON roster_change (school_urn, seq);
