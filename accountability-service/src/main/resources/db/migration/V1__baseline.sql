-- accountability-service baseline. The platform's outbox, inbox, audit and idempotency tables come from db/platform
-- (quarkus.flyway.locations); this service's own tables follow in V2 onwards.
SELECT 1;
