-- Issue 16, finding 3: the idempotency store kept the first answer of a webhook endpoint's registration with its
-- signing secret in clear, for 24 h, and replayed it. The kernel now keeps answers without their secrets (V0_7); this
-- takes the secret out of the answers already kept, and names it for the replay's Idempotent-Replay-Omitted header.
UPDATE idempotency_key
SET response_body = (response_body::jsonb - 'secret')::text,
    omitted = 'secret'
WHERE response_body LIKE '%whsec\_%'
  AND jsonb_typeof(response_body::jsonb) = 'object'
  AND (response_body::jsonb -> 'secret') IS NOT NULL;
