-- Issue 16, finding 3: the first answer of an Idempotency-Key is kept without its secrets (@Secret fields); this names
-- the fields left out, for the replay's Idempotent-Replay-Omitted header.
ALTER TABLE idempotency_key ADD COLUMN omitted TEXT;
