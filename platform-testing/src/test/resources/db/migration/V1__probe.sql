CREATE TABLE probe (
    school_urn  CHAR(6)     NOT NULL,
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    name        TEXT        NOT NULL,
    colour      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (school_urn, id)
);

-- what the test consumer applied, to prove each event is applied once
CREATE TABLE applied_event (
    event_id   TEXT NOT NULL,
    pupil      TEXT NOT NULL
);
