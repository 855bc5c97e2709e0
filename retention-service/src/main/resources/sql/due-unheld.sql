-- The due, unheld holdings of one school, in due-date order: what a disposal batch proposes.
-- Shared by the service (DisposalQueries, parameters bound by name) and bench/due-query.sh (psql variables), so the
-- measured query is the one the service runs. Parameters: school (URN), today (date), classes (text[], empty = all),
-- max_items (integer).
-- Index: holding_due (school_urn, due_on, id) WHERE status = 'ACTIVE' AND due_on IS NOT NULL gives the rows in order;
-- each kind of legal hold is its own anti-join (one-time for a school-wide hold, hashed for pupils and classes).
SELECT h.id, h.class_code, h.pupil_id, h.system, h.reference, h.created_on, h.closed_on, h.due_on, h.due_action
FROM holding h
WHERE h.school_urn = :'school'
  AND h.status = 'ACTIVE'
  AND h.due_on IS NOT NULL
  AND h.due_on <= :'today'::date
  AND (cardinality(:'classes'::text[]) = 0 OR h.class_code = ANY (:'classes'::text[]))
  AND NOT EXISTS (SELECT 1 FROM legal_hold l
                  WHERE l.school_urn = :'school' AND l.released_at IS NULL AND l.scope = 'SCHOOL'
                    AND (l.ends_on IS NULL OR l.ends_on >= :'today'::date))
  AND NOT EXISTS (SELECT 1 FROM legal_hold l
                  WHERE l.school_urn = :'school' AND l.released_at IS NULL AND l.scope = 'PUPIL'
                    AND (l.ends_on IS NULL OR l.ends_on >= :'today'::date) AND l.pupil_id = h.pupil_id)
  AND NOT EXISTS (SELECT 1 FROM legal_hold l
                  WHERE l.school_urn = :'school' AND l.released_at IS NULL AND l.scope = 'RECORD_CLASS'
                    AND (l.ends_on IS NULL OR l.ends_on >= :'today'::date) AND l.class_code = h.class_code)
ORDER BY h.due_on, h.id
LIMIT :max_items
