package org.custodian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.systemtests.support.School.decision;
import static org.custodian.systemtests.support.School.parentOf;
import static org.custodian.systemtests.support.School.pupil;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.custodian.systemtests.support.Api;
import org.custodian.systemtests.support.School;
import org.junit.jupiter.api.Test;

/**
 * Story 2. Fingerprints for cashless catering (Protection of Freedoms Act 2012, ss.26-28): every parent told in writing
 * first (s.26(1)), at least one parent's written consent, no parent objecting, and never against the child's own
 * objection, at any age, until the child agrees. The catering system asks the consent check (as the MIS does) after
 * every change.
 */
class BiometricsStory {

    static final String ZOE = "P-ZOE", MUM = "G-ZOE-MUM", DAD = "G-ZOE-DAD";

    @Test
    void cashlessCateringFollowsBothParentsAndTheChild() {
        School school = School.fresh();
        school.syncRoster(
                List.of(pupil(ZOE, "Zoe", 9, 4)), List.of(parentOf(MUM, "MOTHER", ZOE), parentOf(DAD, "FATHER", ZOE)));
        Api catering = school.mis;

        assertThat(check(school, catering)).as("nobody asked yet").isEqualTo("NOT_ASKED false");

        school.parentDecides(MUM, ZOE, "BIOMETRIC_CATERING", "GRANTED");
        assertThat(check(school, catering))
                .as("a parent's written consent, but the parents have not been told in writing")
                .isEqualTo("NOTIFICATION_NEEDED false");

        notify(school, MUM);
        assertThat(check(school, catering)).as("the father is still to be told").isEqualTo("NOTIFICATION_NEEDED false");
        notify(school, DAD);
        assertThat(check(school, catering))
                .as("both told, one parent's written consent")
                .isEqualTo("GRANTED true");

        JsonNode objection = school.parentDecides(DAD, ZOE, "BIOMETRIC_CATERING", "REFUSED");
        assertThat(objection.path("effectiveStatus").asText()).isEqualTo("REFUSED");
        assertThat(check(school, catering)).as("the other parent objects: no").isEqualTo("REFUSED false");

        // the father withdraws his objection: his latest decision now consents
        school.parentDecides(DAD, ZOE, "BIOMETRIC_CATERING", "GRANTED");
        assertThat(check(school, catering)).as("objection withdrawn: yes").isEqualTo("GRANTED true");

        // Zoe (9) objects herself: the law lets a child of any age refuse
        JsonNode own = school.pupil(ZOE)
                .post(school.path("/pupils/" + ZOE + "/consents"), decision("BIOMETRIC_CATERING", "REFUSED", null))
                .json(201);
        assertThat(own.path("givenBy").path("type").asText()).isEqualTo("PUPIL");
        assertThat(check(school, catering)).as("the child objects: no").isEqualTo("REFUSED false");

        // both parents consenting does not outweigh her
        school.parentDecides(MUM, ZOE, "BIOMETRIC_CATERING", "GRANTED");
        assertThat(check(school, catering)).isEqualTo("REFUSED false");
        // when she later agrees, her objection stops applying, and her parents' written consent counts again
        school.pupil(ZOE)
                .post(school.path("/pupils/" + ZOE + "/consents"), decision("BIOMETRIC_CATERING", "GRANTED", null))
                .json(201);
        assertThat(check(school, catering)).as("the child agrees: yes").isEqualTo("GRANTED true");
    }

    /** The school's written notice to a parent of its intention and of the right to object (s.26(1)). */
    private static void notify(School school, String guardianId) {
        school.admin
                .post(
                        school.path("/pupils/" + ZOE + "/biometric-notices"),
                        Api.object()
                                .put("purpose", "BIOMETRIC_CATERING")
                                .put("guardianId", guardianId)
                                .put("outcome", "NOTIFIED")
                                .put(
                                        "date",
                                        java.time.LocalDate.now().minusDays(1).toString())
                                .put("evidenceRef", "letter home"))
                .json(201);
    }

    private static String check(School school, Api catering) {
        JsonNode cell = school.consentCheck(catering, ZOE, "BIOMETRIC_CATERING");
        return cell.path("status").asText() + " " + cell.path("permitted").asBoolean();
    }
}
