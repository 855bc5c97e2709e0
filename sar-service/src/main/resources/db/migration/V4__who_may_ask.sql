-- Issue 24, who may ask.
-- Education Act 1996 s.576: for the educational record a "parent" is anyone with parental responsibility OR who has
-- care of the child (a step-parent the child lives with). The roster link says who has care (guardian.linked's
-- hasCare, from the MIS roster sync in consent-service); links written before it are taken as no care.
ALTER TABLE roster_guardian_link ADD COLUMN has_care BOOLEAN NOT NULL DEFAULT FALSE;

-- The school's nation (ENGLAND, WALES, SCOTLAND, NORTHERN_IRELAND), a school setting from school.updated's "nation":
-- it tells Welsh schools (Pupil Information (Wales) Regulations 2011) from English ones (Education (Pupil
-- Information) (England) Regulations 2005). Null: derived from the bank-holiday region (England and Wales -> England).
ALTER TABLE school_profile ADD COLUMN nation TEXT;
