package org.custodian.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.junit.jupiter.api.Test;

@ConsentTest
class WithdrawalQuotaTest {

    private static final String[] PURPOSES = {
        "PHOTO_DISPLAY", "PHOTO_WEBSITE", "PHOTO_SOCIAL_MEDIA", "PHOTO_PRESS", "VIDEO_PERFORMANCES", "RESEARCH"
    };

    @Test
    void bulkWithdrawalsByOneParentStopAtTheDailyQuotaAndTheRefusalIsAudited() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 7, "MUM", "DAD");
        for (int i = 0; i < 5; i++) {
            school.parentDecides("MUM", "P1", PURPOSES[i], "WITHDRAWN").then().statusCode(201);
        }
        school.parentDecides("MUM", "P1", PURPOSES[5], "WITHDRAWN")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        school.parentDecides("MUM", "P1", PURPOSES[5], "GRANTED").then().statusCode(201);
        school.parentDecides("DAD", "P1", PURPOSES[5], "WITHDRAWN").then().statusCode(201);
        school.as(school.bearer("school-admin"))
                .body("""
                {"purpose":"RESEARCH","decision":"WITHDRAWN","givenBy":{"type":"GUARDIAN","guardianId":"MUM"},"method":"PAPER"}""")
                .post(school.base() + "/pupils/P1/consents")
                .then()
                .statusCode(201);

        assertThat(school.count(
                        "SELECT count(*) FROM audit_log WHERE school_urn = ? AND actor = 'MUM' AND outcome = 'DENIED'"
                                + " AND action = 'consents.withdraw'",
                        school.urn))
                .isEqualTo(1);
        assertThat(school.count(
                        "SELECT count(*) FROM consent_decision WHERE school_urn = ? AND given_by_id = 'MUM'"
                                + " AND decision = 'WITHDRAWN'",
                        school.urn))
                .isEqualTo(6);
    }
}
