-- A school that does take significant decisions based solely on automated processing says so in its notice, in the
-- DPO's words (UK GDPR Arts. 13(2)(f), 22A-22D); empty, the notice says none are taken.
ALTER TABLE notice_draft ADD COLUMN automated_decisions text;
