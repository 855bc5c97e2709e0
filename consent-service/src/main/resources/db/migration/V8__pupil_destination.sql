-- The school a pupil left for, when the MIS knows it (its DfE URN; null: unknown, or not leaving). pupil.left carries
-- it so that sharing-service addresses the common transfer file and educational record to the new school instead of
-- the local authority (Education (Pupil Information) (England) Regulations 2005 reg 9(3); issue 24).
ALTER TABLE pupil ADD COLUMN destination_urn CHAR(6);
ALTER TABLE pupil ADD CONSTRAINT pupil_destination_urn_six_digits CHECK (destination_urn ~ '^[0-9]{6}$');
