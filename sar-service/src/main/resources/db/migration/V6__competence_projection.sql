-- Issue 24: the DPO's per-child competence assessment now lives in consent-service, with the roster it belongs to
-- (PUT /competence-assessments/{pupilId} moved there), and travels on pupil.enrolled and pupil.updated. sar-service
-- keeps only what the child-agreement rule needs, as part of its roster projection: whether the child was assessed
-- competent and from which day (null: no assessment). The reason and who assessed stay in consent-service.
-- Assessments recorded through sar's old endpoint (dev databases only) are not carried over: consent-service does not
-- know them, and its next pupil.updated would contradict them; the DPO records them again in consent-service.
ALTER TABLE roster_pupil
    ADD COLUMN competent BOOLEAN,
    ADD COLUMN competence_assessed_on DATE,
    ADD CONSTRAINT roster_pupil_competence_whole CHECK ((competent IS NULL) = (competence_assessed_on IS NULL));
DROP TABLE competence_assessment;
