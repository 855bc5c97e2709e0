-- Issue 24 ("The law, exactly"): the schedule's corrected and new rows, and records held by consent falling due when
-- consent is refused or expires as well as withdrawn.

-- A class can fall due for transfer to the next school when the pupil leaves (the safeguarding file, KCSIE).
ALTER TABLE schedule_rule ADD COLUMN transfer_on_leaving BOOLEAN NOT NULL DEFAULT FALSE;

-- How consent for a purpose ended: REFUSED, WITHDRAWN, EXPIRED (or RENEWAL_NEEDED, NOT_ASKED). Rows projected before
-- this migration came from consent.withdrawn events only.
ALTER TABLE consent_withdrawal ADD COLUMN ended_how TEXT NOT NULL DEFAULT 'WITHDRAWN';

-- Revisions of the IRMS defaults (which live in code, IrmsSchedule): every school's holdings of a revised class are
-- re-dated once under the new rule (holding.DefaultRevisionService), so that existing schools' registers follow the
-- corrected schedule as new schools' do. Classes added as new defaults need nothing: no school holds records of them
-- yet, and registration dates them under the rule in force. revised_on: the day the release revised the default.
CREATE TABLE schedule_default_revision (
    class_code  TEXT        NOT NULL,
    revision    INTEGER     NOT NULL,
    reason      TEXT        NOT NULL,
    revised_on  DATE        NOT NULL,
    PRIMARY KEY (class_code, revision)
);

-- Which school's holdings were re-dated for which revision (one row per school and class, written in the transaction
-- that re-dated them, at the service's clock).
CREATE TABLE schedule_default_applied (
    school_urn  CHAR(6)     NOT NULL,
    class_code  TEXT        NOT NULL,
    revision    INTEGER     NOT NULL,
    examined    INTEGER     NOT NULL,
    changed     INTEGER     NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, class_code, revision)
);

INSERT INTO schedule_default_revision (class_code, revision, reason, revised_on) VALUES
    ('ACCIDENT_BOOK', 1,
     'issue 24: accident records about a child to date of birth + 25 years (was 21, wrongly attributed to the toolkit); about an adult entry + 6 years (was 3)', DATE '2026-12-06'),
    ('FREE_SCHOOL_MEALS', 1,
     'issue 24: free school meals to the end of the award''s academic year + 6 years (was the award date + 6 years)', DATE '2026-12-06'),
    ('CHILD_PROTECTION', 1,
     'issue 24: the safeguarding file is reviewed at date of birth + 25 years, not destroyed, and falls due for transfer to the next school when the pupil leaves', DATE '2026-12-06'),
    ('PHOTOGRAPHS_AND_RECORDINGS', 1,
     'issue 24: photographs and recordings fall due when consent is refused or expires, not only when it is withdrawn', DATE '2026-12-06');
