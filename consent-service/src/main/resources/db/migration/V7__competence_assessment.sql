-- Issue 24: the DPO's assessment of one child's competence to exercise their own data protection rights, kept with the
-- roster it belongs to. It overrides the school's competence age either way from the day it was made (ICO: competence
-- is judged by understanding; DPA 2018 s.208 presumes it at 12 in Scotland "unless the contrary is shown"). One current
-- assessment per pupil; each change is in the audit log (competence.assessed) and travels on pupil.updated. The reason
-- and who assessed stay here; the roster event carries only competent and assessed_on.
CREATE TABLE competence_assessment (
    school_urn   CHAR(6)     NOT NULL,
    pupil_id     TEXT        NOT NULL,
    competent    BOOLEAN     NOT NULL,
    assessed_on  DATE        NOT NULL,
    reason       TEXT        NOT NULL,
    assessed_by  TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, pupil_id),
    FOREIGN KEY (school_urn, pupil_id) REFERENCES pupil (school_urn, pupil_id)
);
