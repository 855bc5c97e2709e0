-- Runs after every migration, as the role Flyway migrates with (quarkus.flyway.username, the owner of the tables).
-- The role the service itself runs as (quarkus.datasource.username) may read and write every table, but only read
-- and append to the append-only ones (the audit log, and every table with an *_append_only trigger) and never delete
-- an audit chain's head; it owns nothing, so it can neither disable a trigger nor alter a table. Where both are the
-- same role there is nothing to grant, and AuditDatabaseRole refuses to start the service (unless
-- custodian.audit.require-restricted-role=false, as in dev mode).
DO $$
DECLARE
    service_role CONSTANT TEXT := '${custodian_service_role}';
    t RECORD;
BEGIN
    IF service_role = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = service_role) THEN
        RETURN;
    END IF;
    -- replicas starting together would otherwise race on the same ACLs ("tuple concurrently updated")
    PERFORM pg_advisory_xact_lock(hashtext('custodian.service-role-grants'));
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), service_role);
    FOR t IN
        SELECT c.oid::regclass AS name,
               EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname LIKE '%\_append\_only') AS append_only
        FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
          AND c.relname <> 'flyway_schema_history'
    LOOP
        EXECUTE format('REVOKE ALL ON %s FROM %I', t.name, service_role);
        IF t.append_only THEN
            EXECUTE format('GRANT SELECT, INSERT ON %s TO %I', t.name, service_role);
        ELSIF t.name = 'audit_chain_head'::regclass THEN
            EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %s TO %I', t.name, service_role);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %I', t.name, service_role);
        END IF;
    END LOOP;
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), service_role);
END
$$;
