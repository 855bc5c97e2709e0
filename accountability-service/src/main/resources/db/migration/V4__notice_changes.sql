-- What changed from the previous version, in sentences a parent can read ("New: the recipient Wonde (…)"), kept with
-- each version as it was published.
ALTER TABLE notice_version ADD COLUMN changes text[] NOT NULL DEFAULT '{}';
