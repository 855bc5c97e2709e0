-- Guardian links restricted by the MIS (a court order or a contact restriction), from guardian.linked events; events
-- written before the field existed leave it false.
ALTER TABLE roster_guardian_link
    ADD COLUMN restricted  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN restriction TEXT;

-- What in an assembled response names or identifies someone other than the child and the requester (UK GDPR
-- Art. 15(4), DPA 2018 Sch. 2 para 16): one row per third party (per distinct text), with every place it appears
-- (JSON pointers into the stored response) and the DPO's decision. Until decided (PENDING) it is withheld from what
-- the requester can download, and the request cannot be completed. Decisions are kept across re-assembly by item_key.
CREATE TABLE bundle_review_item (
    school_urn     CHAR(6)     NOT NULL,
    request_id     UUID        NOT NULL,
    id             UUID        NOT NULL,
    item_key       TEXT        NOT NULL,
    ordinal        INTEGER     NOT NULL,
    category       TEXT        NOT NULL,
    matched_text   TEXT        NOT NULL,
    field          TEXT,
    detail         TEXT,
    restricted     BOOLEAN     NOT NULL DEFAULT FALSE,
    sources        TEXT[]      NOT NULL,
    pointers       TEXT[]      NOT NULL,
    state          TEXT        NOT NULL DEFAULT 'PENDING',
    exemption      TEXT,
    reason         TEXT,
    redacted_text  TEXT,
    decided_by     TEXT,
    decided_role   TEXT,
    decided_at     TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, request_id, id),
    UNIQUE (school_urn, request_id, item_key),
    FOREIGN KEY (school_urn, request_id) REFERENCES rights_request (school_urn, id),
    CHECK (state IN ('PENDING', 'RELEASE', 'REDACT', 'WITHHOLD')),
    CHECK (state NOT IN ('REDACT', 'WITHHOLD') OR (exemption IS NOT NULL AND reason IS NOT NULL)),
    CHECK (NOT restricted OR state <> 'RELEASE')
);
CREATE INDEX bundle_review_item_order ON bundle_review_item (school_urn, request_id, ordinal);
