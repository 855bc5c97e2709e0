-- The facts other services announce, as they now stand: one row per fact (a school's profile, a purpose, a recipient,
-- an agreement, a record class), kept at the newest version seen (FactQueries, SQL only).
CREATE TABLE fact (
    school_urn  char(6)     NOT NULL,
    kind        text        NOT NULL,
    fact_key    text        NOT NULL,
    version     bigint      NOT NULL,
    changed_at  timestamptz NOT NULL,
    data        jsonb       NOT NULL,
    PRIMARY KEY (school_urn, kind, fact_key)
);

-- The DPO's draft of the privacy notice: the free-text parts (the generated parts are made from the facts on read).
CREATE TABLE notice_draft (
    school_urn          char(6)     NOT NULL,
    id                  uuid        NOT NULL,
    introduction        text,
    local_explanations  jsonb       NOT NULL DEFAULT '{}',
    security_measures   text,
    version             bigint      NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    updated_by          text,
    PRIMARY KEY (school_urn, id),
    UNIQUE (school_urn)
);

-- Each published version of a school's notice, immutable: its content as published and the hash it is known by.
CREATE TABLE notice_version (
    school_urn        char(6)     NOT NULL,
    id                uuid        NOT NULL,
    number            integer     NOT NULL,
    hash              text        NOT NULL CHECK (length(hash) = 64),
    content           jsonb       NOT NULL,
    changed_sections  text[]      NOT NULL,
    published_by      text        NOT NULL,
    published_at      timestamptz NOT NULL,
    PRIMARY KEY (school_urn, id),
    UNIQUE (school_urn, number)
);

CREATE FUNCTION notice_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published version of a privacy notice is never changed or deleted';
END $$;

CREATE TRIGGER notice_version_immutable BEFORE UPDATE OR DELETE ON notice_version
    FOR EACH ROW EXECUTE FUNCTION notice_version_immutable();

-- Whether the published notice still describes what the school does (DriftQueries, SQL only): the differences found the
-- last time a fact changed, and since when the notice has been outdated.
CREATE TABLE notice_status (
    school_urn      char(6)     PRIMARY KEY,
    published       integer     NOT NULL,
    outdated_since  timestamptz,
    differences     jsonb       NOT NULL DEFAULT '[]',
    checked_at      timestamptz NOT NULL
);

-- The DPO's reviews of the record of processing (Art. 30): who confirmed it, when, and each row as it then stood (the
-- hash of what the row said, by the row's id), so that a row changed since is known to need review.
CREATE TABLE ropa_review (
    school_urn    char(6)     NOT NULL,
    id            uuid        NOT NULL,
    reviewed_by   text        NOT NULL,
    reviewed_at   timestamptz NOT NULL,
    note          text,
    row_hashes    jsonb       NOT NULL,
    PRIMARY KEY (school_urn, id)
);
CREATE INDEX ropa_review_latest ON ropa_review (school_urn, reviewed_at DESC);
