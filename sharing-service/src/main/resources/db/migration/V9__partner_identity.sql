-- Issue 17: one partner, one identity. A recipient may be linked to a partner organisation (the partner_id claim of
-- its token, the same in every school); one partner token then reaches every recipient linked to it.
ALTER TABLE recipient ADD COLUMN partner_id TEXT;
ALTER TABLE recipient ADD CONSTRAINT recipient_partner_id_shape
    CHECK (partner_id IS NULL OR partner_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$');
-- the partner's reads across schools start here
CREATE INDEX recipient_by_partner ON recipient (partner_id, school_urn, id) WHERE partner_id IS NOT NULL;

-- Who disabled an endpoint: SCHOOL (its DPO or administrator: only the school may enable it again), PARTNER (the
-- partner itself), DELIVERY (failures or 410 Gone). NULL while enabled.
ALTER TABLE webhook_endpoint ADD COLUMN disabled_by TEXT
    CHECK (disabled_by IS NULL OR disabled_by IN ('SCHOOL', 'PARTNER', 'DELIVERY'));
UPDATE webhook_endpoint SET disabled_by = CASE WHEN disabled_reason IS NULL OR disabled_reason = 'disabled by the school' THEN 'SCHOOL' ELSE 'DELIVERY' END
    WHERE status = 'DISABLED';

-- the partner's deliveries across schools, newest first
CREATE INDEX webhook_delivery_by_recipient ON webhook_delivery (school_urn, recipient_id, created_at DESC, id DESC);
