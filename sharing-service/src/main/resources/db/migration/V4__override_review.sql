-- Emergency overrides (issue 16, finding 1): only to recipients fit for an emergency, and each one reviewed by the DPO.

-- What sort of organisation each recipient is. The seeded recipients get theirs by their seeded name; every other
-- recipient is OTHER, which no emergency override may go to, until the school sets its sector.
ALTER TABLE recipient ADD COLUMN sector TEXT NOT NULL DEFAULT 'OTHER';
UPDATE recipient SET sector = CASE name
        WHEN 'Local authority' THEN 'CHILDRENS_SERVICES'
        WHEN 'Department for Education' THEN 'CENTRAL_GOVERNMENT'
        WHEN 'Ofsted' THEN 'REGULATOR'
        WHEN 'Examining bodies' THEN 'EDUCATION'
        WHEN 'Health authorities' THEN 'HEALTH'
        WHEN 'Police forces' THEN 'POLICE'
        WHEN 'Courts and tribunals' THEN 'COURTS'
        WHEN 'Wonde' THEN 'EDTECH'
        WHEN 'Discovery Education' THEN 'EDTECH'
        ELSE 'OTHER' END
    WHERE seeded;
ALTER TABLE recipient ALTER COLUMN sector DROP DEFAULT;

-- The DPO's review of each emergency override (one per disclosure log row with override = true): due by a
-- working-day clock from the day of the disclosure, answered once (JUSTIFIED or NOT_JUSTIFIED, with a note).
CREATE TABLE override_review (
    school_urn        CHAR(6)     NOT NULL,
    disclosure_id     UUID        NOT NULL,
    -- the recipient's sector and the role that allowed the override (dpo, safeguarding-lead), as they were
    recipient_sector  TEXT        NOT NULL,
    authorised_as     TEXT        NOT NULL,
    -- the refusal codes the override set aside (CONSENT_REFUSED, PROCESSING_RESTRICTED, ...)
    overridden        TEXT[]      NOT NULL,
    due_on            DATE        NOT NULL,
    outcome           TEXT,
    note              TEXT,
    reviewed_by       TEXT,
    reviewed_at       TIMESTAMPTZ,
    -- when the daily job found the review past its last day (once)
    overdue_at        TIMESTAMPTZ,
    PRIMARY KEY (school_urn, disclosure_id),
    CHECK ((outcome IS NULL) = (reviewed_at IS NULL))
);
CREATE INDEX override_review_waiting ON override_review (due_on) WHERE outcome IS NULL AND overdue_at IS NULL;

-- Overrides made before this migration (when any staff member or the MIS could make one) are all put before the DPO,
-- due a week from now; what they overrode was not recorded, and authorised_as is the role that made them.
INSERT INTO override_review (school_urn, disclosure_id, recipient_sector, authorised_as, overridden, due_on)
SELECT d.school_urn, d.id, COALESCE(r.sector, 'OTHER'), d.disclosed_by_role, '{}', CURRENT_DATE + 7
FROM disclosure_log d LEFT JOIN recipient r ON r.school_urn = d.school_urn AND r.id = d.recipient_id
WHERE d.override;
