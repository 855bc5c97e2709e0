-- Keyed audit chains: each row names the HMAC key its hash was made with (the key itself is never in the database).
-- Rows written before this migration carry a plain SHA-256 and are marked 'sha256'; the verifier accepts them only as
-- the start of a chain and only as far as a signed checkpoint, kept outside the database, covers them.
ALTER TABLE audit_log ADD COLUMN key_id TEXT NOT NULL DEFAULT 'sha256';
ALTER TABLE audit_log ALTER COLUMN key_id DROP DEFAULT;
