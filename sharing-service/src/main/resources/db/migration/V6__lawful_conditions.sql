-- Issue 24 (the law, exactly): what the law needs recorded beside an agreement's lawful basis, the school type that
-- says whether the school is a public authority, and the grounds each disclosure rested on.

-- The recipient's role (UK GDPR Art. 28): existing agreements take it from the recipient's kind.
ALTER TABLE agreement
    ADD COLUMN recipient_role             TEXT NOT NULL DEFAULT 'CONTROLLER',
    ADD COLUMN special_category_condition TEXT,
    ADD COLUMN schedule1_condition        TEXT,
    ADD COLUMN data_subject_contract      TEXT,
    ADD COLUMN adequacy_scheme            TEXT,
    ADD COLUMN restriction_ground      TEXT,
    ADD CONSTRAINT agreement_recipient_role CHECK (recipient_role IN ('CONTROLLER', 'PROCESSOR'));
UPDATE agreement a SET recipient_role = 'PROCESSOR'
FROM recipient r
WHERE r.school_urn = a.school_urn AND r.id = a.recipient_id AND r.kind = 'PROCESSOR';

-- The seeded statutory flows get the conditions the seeding now records (Art. 9(2)(g) with DPA 2018 Sch. 1 Part 2;
-- Art. 18(2) important public interest). Agreements the schools wrote themselves are left for the DPO: a disclosure
-- of special category data under one without a condition is refused with the reason until it is recorded.
UPDATE agreement SET special_category_condition = 'SUBSTANTIAL_PUBLIC_INTEREST',
                     schedule1_condition = 'STATUTORY_AND_GOVERNMENT_PURPOSES',
                     restriction_ground = 'IMPORTANT_PUBLIC_INTEREST'
WHERE seeded AND special_category_condition IS NULL AND lawful_basis = 'LEGAL_OBLIGATION'
  AND (purposes = ARRAY['census'] OR purposes = ARRAY['exclusions']);
UPDATE agreement SET special_category_condition = 'SUBSTANTIAL_PUBLIC_INTEREST',
                     schedule1_condition = 'SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK',
                     restriction_ground = 'IMPORTANT_PUBLIC_INTEREST'
WHERE seeded AND special_category_condition IS NULL AND lawful_basis = 'LEGAL_OBLIGATION'
  AND purposes = ARRAY['safeguarding'];

-- The school's type from school.updated (custodian.roster.v1): maintained schools and academies (and free schools,
-- which are academies) are public authorities; an unknown type is read as one (the safe side).
CREATE TABLE school_profile (
    school_urn   CHAR(6)     PRIMARY KEY,
    school_type  TEXT,
    as_of        TIMESTAMPTZ NOT NULL
);

-- A real emergency to emergency services, health or children's services goes without a prior agreement.
ALTER TABLE disclosure_log ALTER COLUMN agreement_id DROP NOT NULL;
ALTER TABLE disclosure_log ALTER COLUMN agreement_basis DROP NOT NULL;
-- What each disclosure rested on besides its basis (Art. 9(2), DPA 2018 Sch. 1, Art. 18(2), Art. 49(1)).
ALTER TABLE disclosure_log
    ADD COLUMN special_category_condition TEXT,
    ADD COLUMN schedule1_condition        TEXT,
    ADD COLUMN restriction_ground      TEXT,
    ADD COLUMN transfer_derogation        TEXT;
