-- The school profile: created on first use with defaults.
CREATE TABLE school (
    urn              CHAR(6)     PRIMARY KEY,
    name             TEXT        NOT NULL,
    type             TEXT        NOT NULL,
    region           TEXT        NOT NULL,
    dpo_name         TEXT,
    dpo_email        TEXT,
    competence_age   INTEGER     NOT NULL,
    conflict_policy  TEXT        NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 1,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The roster as the MIS holds it; pupil ids are the MIS's own.
CREATE TABLE pupil (
    school_urn      CHAR(6)     NOT NULL,
    pupil_id        TEXT        NOT NULL,
    given_name      TEXT        NOT NULL,
    family_name     TEXT        NOT NULL,
    date_of_birth   DATE        NOT NULL,
    year_group      INTEGER     NOT NULL,
    admission_date  DATE        NOT NULL,
    leaving_date    DATE,
    upn             TEXT,
    version         BIGINT      NOT NULL DEFAULT 1,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, pupil_id)
);
CREATE INDEX pupil_year_group ON pupil (school_urn, year_group, pupil_id);

CREATE TABLE guardian (
    school_urn   CHAR(6)     NOT NULL,
    guardian_id  TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    email        TEXT,
    version      BIGINT      NOT NULL DEFAULT 1,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, guardian_id)
);

CREATE TABLE guardian_link (
    school_urn               CHAR(6) NOT NULL,
    guardian_id              TEXT    NOT NULL,
    pupil_id                 TEXT    NOT NULL,
    parental_responsibility  BOOLEAN NOT NULL,
    relationship             TEXT    NOT NULL,
    PRIMARY KEY (school_urn, guardian_id, pupil_id),
    FOREIGN KEY (school_urn, guardian_id) REFERENCES guardian (school_urn, guardian_id),
    FOREIGN KEY (school_urn, pupil_id) REFERENCES pupil (school_urn, pupil_id)
);
CREATE INDEX guardian_link_pupil ON guardian_link (school_urn, pupil_id);

-- Consent purposes and every wording they ever had.
CREATE TABLE purpose (
    school_urn       CHAR(6)     NOT NULL,
    code             TEXT        NOT NULL,
    title            TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    data_categories  TEXT[]      NOT NULL,
    validity         TEXT,
    current_version  INTEGER     NOT NULL,
    reconsent_from   INTEGER     NOT NULL DEFAULT 1,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, code)
);

CREATE TABLE purpose_version (
    school_urn          CHAR(6)     NOT NULL,
    code                TEXT        NOT NULL,
    version             INTEGER     NOT NULL,
    title               TEXT        NOT NULL,
    wording             TEXT        NOT NULL,
    requires_reconsent  BOOLEAN     NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by          TEXT        NOT NULL,
    PRIMARY KEY (school_urn, code, version),
    FOREIGN KEY (school_urn, code) REFERENCES purpose (school_urn, code)
);

-- Every consent decision ever recorded. Append-only: the history is the record.
CREATE TABLE consent_decision (
    school_urn        CHAR(6)     NOT NULL,
    decision_id       UUID        NOT NULL,
    pupil_id          TEXT        NOT NULL,
    purpose_code      TEXT        NOT NULL,
    purpose_version   INTEGER     NOT NULL,
    decision          TEXT        NOT NULL,
    given_by_type     TEXT        NOT NULL,
    given_by_id       TEXT        NOT NULL,
    relationship      TEXT,
    method            TEXT        NOT NULL,
    evidence_ref      TEXT,
    evidence_date     DATE,
    valid_until       DATE,
    recorded_at       TIMESTAMPTZ NOT NULL,
    recorded_by       TEXT        NOT NULL,
    recorded_by_role  TEXT        NOT NULL,
    PRIMARY KEY (school_urn, decision_id),
    FOREIGN KEY (school_urn, pupil_id) REFERENCES pupil (school_urn, pupil_id),
    FOREIGN KEY (school_urn, purpose_code, purpose_version) REFERENCES purpose_version (school_urn, code, version)
);
CREATE INDEX consent_decision_pupil ON consent_decision (school_urn, pupil_id, purpose_code, recorded_at);

CREATE FUNCTION consent_decision_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_decision is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER consent_decision_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON consent_decision
    FOR EACH STATEMENT EXECUTE FUNCTION consent_decision_is_append_only();

-- The effective status of each pupil for each purpose, kept current by this service's own writes so that a check
-- is one indexed read. A missing row means NOT_ASKED.
CREATE TABLE consent_status (
    school_urn         CHAR(6)     NOT NULL,
    pupil_id           TEXT        NOT NULL,
    purpose_code       TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    effective_version  INTEGER,
    valid_until        DATE,
    -- the next day the status may change by itself (a grant expires, the pupil reaches the competence age)
    recompute_on       DATE,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, pupil_id, purpose_code)
);
CREATE INDEX consent_status_by_purpose ON consent_status (school_urn, purpose_code, status, pupil_id);
CREATE INDEX consent_status_recompute ON consent_status (recompute_on) WHERE recompute_on IS NOT NULL;
