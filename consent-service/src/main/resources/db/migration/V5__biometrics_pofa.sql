-- Protection of Freedoms Act 2012, ss.26-28 (issue 24).

-- Who has care of the child (from the MIS): under s.28(6) each individual who has care of the child counts as a
-- parent when no parent in the s.28(5) sense must be notified or asked (all excepted under s.27(1)).
ALTER TABLE guardian_link
    ADD COLUMN has_care BOOLEAN NOT NULL DEFAULT FALSE;

-- The written notification of each parent before the first processing (s.26(2)), or the s.27(1) exception that
-- means they need not be notified or asked. The latest row per (pupil, purpose, guardian) counts. Append-only.
CREATE TABLE biometric_notice (
    school_urn    CHAR(6)     NOT NULL,
    notice_id     UUID        NOT NULL,
    pupil_id      TEXT        NOT NULL,
    purpose_code  TEXT        NOT NULL,
    guardian_id   TEXT        NOT NULL,
    outcome       TEXT        NOT NULL,
    notice_date   DATE        NOT NULL,
    evidence_ref  TEXT,
    recorded_at   TIMESTAMPTZ NOT NULL,
    recorded_by   TEXT        NOT NULL,
    PRIMARY KEY (school_urn, notice_id),
    FOREIGN KEY (school_urn, pupil_id) REFERENCES pupil (school_urn, pupil_id),
    FOREIGN KEY (school_urn, purpose_code) REFERENCES purpose (school_urn, code),
    CONSTRAINT biometric_notice_outcome CHECK (outcome IN
        ('NOTIFIED', 'CANNOT_BE_FOUND', 'LACKS_CAPACITY', 'WELFARE', 'NOT_REASONABLY_PRACTICABLE'))
);
CREATE INDEX biometric_notice_pupil ON biometric_notice (school_urn, pupil_id, purpose_code, recorded_at);

-- The reasonable alternative offered to a child whose biometric data may not be processed (s.26(7)).
CREATE TABLE biometric_alternative (
    school_urn      CHAR(6)     NOT NULL,
    alternative_id  UUID        NOT NULL,
    pupil_id        TEXT        NOT NULL,
    purpose_code    TEXT        NOT NULL,
    alternative     TEXT        NOT NULL,
    offered_on      DATE        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    recorded_by     TEXT        NOT NULL,
    PRIMARY KEY (school_urn, alternative_id),
    FOREIGN KEY (school_urn, pupil_id) REFERENCES pupil (school_urn, pupil_id),
    FOREIGN KEY (school_urn, purpose_code) REFERENCES purpose (school_urn, code)
);
CREATE INDEX biometric_alternative_pupil ON biometric_alternative (school_urn, pupil_id);

-- A task to delete the child's biometric template from the system that holds it (e.g. the catering supplier's),
-- raised when an objection or withdrawal stops the processing.
CREATE TABLE biometric_template_deletion (
    school_urn    CHAR(6)     NOT NULL,
    task_id       UUID        NOT NULL,
    pupil_id      TEXT        NOT NULL,
    purpose_code  TEXT        NOT NULL,
    decision_id   UUID        NOT NULL,
    reason        TEXT        NOT NULL,
    raised_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, task_id),
    UNIQUE (school_urn, decision_id),
    FOREIGN KEY (school_urn, pupil_id) REFERENCES pupil (school_urn, pupil_id),
    FOREIGN KEY (school_urn, decision_id) REFERENCES consent_decision (school_urn, decision_id)
);
CREATE INDEX biometric_template_deletion_pupil ON biometric_template_deletion (school_urn, pupil_id);
