-- Per-person daily quotas on sensitive flows (requests a parent makes, consents a user withdraws).
CREATE TABLE quota_usage (
    school_urn  CHAR(6) NOT NULL,
    actor       TEXT    NOT NULL,
    flow        TEXT    NOT NULL,
    day         DATE    NOT NULL,
    used        INTEGER NOT NULL,
    PRIMARY KEY (school_urn, actor, flow, day)
);
CREATE INDEX quota_usage_day ON quota_usage (day);
