package org.custodian.consent.purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.junit.jupiter.api.Test;

@ConsentTest
class PurposeTest {

    private static final String SCHOOL_TRIP = """
            {"code":"TRIP_PHOTOS","title":"Photos on the residential trip blog","wording":"We post daily photos on the trip blog.",
             "kind":"STANDARD","dataCategories":["PHOTOGRAPHS"],"validity":"P1M"}""";

    @Test
    void aSchoolStartsWithTheDefaultPurposesThatParentsCanRead() {
        Fixture school = Fixture.newSchool();
        school.as(school.parent("G1"))
                .get(school.base() + "/purposes")
                .then()
                .statusCode(200)
                .body("items", hasSize(8))
                .body(
                        "items.code",
                        hasItems(
                                "PHOTO_DISPLAY",
                                "PHOTO_WEBSITE",
                                "PHOTO_SOCIAL_MEDIA",
                                "PHOTO_PRESS",
                                "VIDEO_PERFORMANCES",
                                "BIOMETRIC_CATERING",
                                "RESEARCH",
                                "EDTECH_APPS"))
                .body("items.find { it.code == 'BIOMETRIC_CATERING' }.kind", is("BIOMETRIC"));
        school.as(school.parent("G1"))
                .get(school.base() + "/purposes/PHOTO_PRESS")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("versions", hasSize(1))
                .body("purpose.validity", is("ACADEMIC_YEAR"));
    }

    @Test
    void theDpoAddsAPurposeOnce() {
        Fixture school = Fixture.newSchool();
        school.as(school.bearer("dpo"))
                .body(SCHOOL_TRIP)
                .post(school.base() + "/purposes")
                .then()
                .statusCode(201)
                .body("code", is("TRIP_PHOTOS"))
                .body("currentVersion", is(1));
        school.as(school.bearer("dpo"))
                .body(SCHOOL_TRIP)
                .post(school.base() + "/purposes")
                .then()
                .statusCode(409);
        school.as(school.bearer("school-admin"))
                .body(SCHOOL_TRIP.replace("TRIP_PHOTOS", "OTHER"))
                .post(school.base() + "/purposes")
                .then()
                .statusCode(403);
    }

    @Test
    void badPurposesAreRefused() {
        Fixture school = Fixture.newSchool();
        school.as(school.bearer("dpo"))
                .body(SCHOOL_TRIP.replace("P1M", "a while"))
                .post(school.base() + "/purposes")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("validity"));
        school.as(school.bearer("dpo"))
                .body(SCHOOL_TRIP.replace("TRIP_PHOTOS", "trip photos"))
                .post(school.base() + "/purposes")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("code"));
        school.as(school.bearer("dpo"))
                .body(SCHOOL_TRIP.replace("STANDARD", "GENETIC"))
                .post(school.base() + "/purposes")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("kind"));
        school.as(school.bearer("dpo"))
                .body(SCHOOL_TRIP.replace("[\"PHOTOGRAPHS\"]", "[]"))
                .post(school.base() + "/purposes")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("dataCategories"));
        assertThat(school.count(
                        "SELECT count(*) FROM purpose WHERE school_urn = ? AND code = 'TRIP_PHOTOS'", school.urn))
                .isZero();
    }
}
