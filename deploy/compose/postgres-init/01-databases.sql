-- Run once by the postgres image on an empty data volume: one database per service (DESIGN.md §1), each owned by a
-- role Flyway migrates with (<db>_owner), and a role the service runs as (<db>_service) that owns nothing and may
-- only read and append to the audit log (the services' Flyway callback grants it the rest). Dev-only passwords.
CREATE ROLE custodian_consent_owner LOGIN PASSWORD 'custodian';
CREATE ROLE custodian_consent_service LOGIN PASSWORD 'custodian';
CREATE DATABASE custodian_consent OWNER custodian_consent_owner;
CREATE ROLE custodian_sar_owner LOGIN PASSWORD 'custodian';
CREATE ROLE custodian_sar_service LOGIN PASSWORD 'custodian';
CREATE DATABASE custodian_sar OWNER custodian_sar_owner;
CREATE ROLE custodian_sharing_owner LOGIN PASSWORD 'custodian';
CREATE ROLE custodian_sharing_service LOGIN PASSWORD 'custodian';
CREATE DATABASE custodian_sharing OWNER custodian_sharing_owner;
CREATE ROLE custodian_retention_owner LOGIN PASSWORD 'custodian';
CREATE ROLE custodian_retention_service LOGIN PASSWORD 'custodian';
CREATE DATABASE custodian_retention OWNER custodian_retention_owner;
CREATE ROLE custodian_accountability_owner LOGIN PASSWORD 'custodian';
CREATE ROLE custodian_accountability_service LOGIN PASSWORD 'custodian';
CREATE DATABASE custodian_accountability OWNER custodian_accountability_owner;
