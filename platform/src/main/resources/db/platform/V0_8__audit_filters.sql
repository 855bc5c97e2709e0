-- The DPO reads a school's log by actor as well as by subject (issue 17): newest first, so by sequence.
-- Refused attempts are audited too (outcome REFUSED, the operation as the action); no stored row changes.
CREATE INDEX audit_log_actor ON audit_log (school_urn, actor, seq);
