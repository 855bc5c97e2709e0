-- The systems holding a school's records, by record class: the distinct systems of the school's holdings still held
-- (ACTIVE, PROPOSED or APPROVED; not DISPOSED or TRANSFERRED), each class's sorted by code point whatever the
-- database's collation. What holding-systems.changed announces (HoldingSystemsQueries).
-- Shared by the service (parameters bound by name) and bench/held-systems.sh (psql variables), so the measured query
-- is the one the service runs. Parameter: school (URN).
-- Index: holding_held_systems (school_urn, class_code, system) WHERE held. The distinct (class, system) pairs are found
-- by skipping through it, one index descent per pair (a school has a few dozen), so the cost does not grow with the
-- school's holdings: after a registration of 10,000 it reads a few dozen index entries, not 10,000 rows.
WITH RECURSIVE pairs (record_class, system) AS (
    (SELECT h.class_code, h.system
     FROM holding h
     WHERE h.school_urn = :'school' AND h.status IN ('ACTIVE', 'PROPOSED', 'APPROVED')
     ORDER BY h.class_code, h.system
     LIMIT 1)
    UNION ALL
    SELECT next.class_code, next.system
    FROM pairs p
    CROSS JOIN LATERAL (
        SELECT h.class_code, h.system
        FROM holding h
        WHERE h.school_urn = :'school' AND h.status IN ('ACTIVE', 'PROPOSED', 'APPROVED')
          AND (h.class_code, h.system) > (p.record_class, p.system)
        ORDER BY h.class_code, h.system
        LIMIT 1) next
)
SELECT record_class, array_agg(system ORDER BY system COLLATE "C") AS systems
FROM pairs
GROUP BY record_class
