-- Run once by the postgres image on an empty data volume: one database per service (DESIGN.md §1).
CREATE DATABASE custodian_consent;
CREATE DATABASE custodian_sar;
CREATE DATABASE custodian_sharing;
CREATE DATABASE custodian_retention;
