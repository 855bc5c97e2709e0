package org.custodian.sar.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The grounds a school meets most for keeping part of an access response back (DPA 2018 Schedules 2 and 3), each with
 * its citation, shown to the requester beside what was kept back.
 */
@Schema(name = "ReviewExemption")
public enum Exemption {
    THIRD_PARTY_DATA(
            "DPA 2018 Sch. 2 para 16",
            "information identifying another person, who has not agreed and whom it would not be reasonable to name"),
    SERIOUS_HARM(
            "DPA 2018 Sch. 3 Part 4",
            "education data whose disclosure would be likely to cause serious harm to the physical or mental health of the child or another person"),
    CHILD_ABUSE_DATA(
            "DPA 2018 Sch. 3 Part 5",
            "child abuse data that it would not be in the child's best interests to give to a parent"),
    CRIME_AND_TAXATION(
            "DPA 2018 Sch. 2 para 2", "disclosure would be likely to prejudice the prevention or detection of crime"),
    LEGAL_PROFESSIONAL_PRIVILEGE("DPA 2018 Sch. 2 para 19", "information covered by legal professional privilege"),
    CONFIDENTIAL_REFERENCE("DPA 2018 Sch. 2 para 24", "a reference given in confidence"),
    EXAM_SCRIPTS("DPA 2018 Sch. 2 para 25", "answers recorded by a candidate in an exam");

    private final String citation;
    private final String meaning;

    Exemption(String citation, String meaning) {
        this.citation = citation;
        this.meaning = meaning;
    }

    public String citation() {
        return citation;
    }

    public String meaning() {
        return meaning;
    }
}
