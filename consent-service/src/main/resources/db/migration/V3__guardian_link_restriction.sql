-- A guardian link the MIS marks as restricted: a court order or a contact restriction, with its kind when the MIS
-- says it. That person's data is never included in a subject export and never counted there.
ALTER TABLE guardian_link
    ADD COLUMN restricted  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN restriction TEXT,
    ADD CONSTRAINT guardian_link_restriction_kind CHECK (restriction IS NULL OR restricted);
