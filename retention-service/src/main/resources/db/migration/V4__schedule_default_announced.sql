-- Issue 18: the IRMS defaults (which live in code, IrmsSchedule) are announced once per school, as one
-- retention-rule.changed (origin IRMS, version 0) per default class the school has not overridden, so that a projection
-- fed by events only (accountability-service) knows the whole schedule and not just the school's changes
-- (schedule.DefaultAnnouncementService). A school is announced when retention-service first learns of it: school.updated
-- consumed from the roster, or the school's first holdings registration, schedule change or legal hold. The row is
-- inserted (ON CONFLICT DO NOTHING) in the transaction that writes the events to the outbox, so concurrent or
-- redelivered triggers announce once. announced_at: the service's clock.
CREATE TABLE schedule_default_announced (
    school_urn   CHAR(6)     PRIMARY KEY,
    announced_at TIMESTAMPTZ NOT NULL
);

-- Which revisions of the defaults (schedule_default_revision, V3) a school's announcements already carry: every
-- revision that exists when the school is first announced (the code it announced was already revised), and each later
-- one once it has been announced again (or found overridden by the school). A revision shipped after a school was
-- announced has no row for it, and is announced again with the revised rule.
CREATE TABLE schedule_default_revision_announced (
    school_urn   CHAR(6)     NOT NULL,
    class_code   TEXT        NOT NULL,
    revision     INTEGER     NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (school_urn, class_code, revision)
);
