-- The UK nation a school is in (which education law applies: England and Wales share a bank-holiday region but not
-- their pupil information regulations; Scotland presumes competence at 12). Existing schools get the nation their
-- region implies.
ALTER TABLE school ADD COLUMN nation text;
UPDATE school SET nation = CASE region WHEN 'SCOTLAND' THEN 'SCOTLAND' WHEN 'NORTHERN_IRELAND' THEN 'NORTHERN_IRELAND' ELSE 'ENGLAND' END;
ALTER TABLE school ALTER COLUMN nation SET NOT NULL;
ALTER TABLE school ADD CONSTRAINT school_nation_known CHECK (nation IN ('ENGLAND', 'WALES', 'SCOTLAND', 'NORTHERN_IRELAND'));
