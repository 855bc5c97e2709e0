-- Statutory transfers after a pupil leaves (issue 24): the common transfer file and the educational record (Education
-- (Pupil Information) (England) Regulations 2005 reg 9(3): within fifteen school days) and the safeguarding file, if
-- the school holds one (Keeping Children Safe in Education: "within 5 days", with confirmation of receipt).
-- Opened from pupil.left; the due date is the earliest date the limit can fall on (school days counted as working
-- days, KCSIE days as calendar days: see
-- StatutoryTransferRules).
CREATE TABLE due_transfer (
    id                    UUID        PRIMARY KEY,
    school_urn            CHAR(6)     NOT NULL,
    pupil_id              TEXT        NOT NULL,
    -- COMMON_TRANSFER_FILE, EDUCATIONAL_RECORD, SAFEGUARDING_FILE
    kind                  TEXT        NOT NULL,
    left_on               DATE        NOT NULL,
    due_on                DATE        NOT NULL,
    -- NEW_SCHOOL, or LOCAL_AUTHORITY when the new school is unknown (common transfer file, educational record)
    destination           TEXT        NOT NULL,
    destination_urn       TEXT,
    -- DUE, SENT, RECEIPT_CONFIRMED, NOT_HELD
    status                TEXT        NOT NULL,
    sent_on               DATE,
    sent_by               TEXT,
    receipt_confirmed_on  DATE,
    receipt_confirmed_by  TEXT,
    note                  TEXT,
    opened_at             TIMESTAMPTZ NOT NULL,
    UNIQUE (school_urn, pupil_id, kind, left_on)
);
CREATE INDEX due_transfer_school ON due_transfer (school_urn, status, due_on);
