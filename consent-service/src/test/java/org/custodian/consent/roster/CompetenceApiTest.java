package org.custodian.consent.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.security.ServiceTokens;
import org.custodian.testing.PostgresResource;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The DPO's per-child competence assessment: recorded here, applied to the consent statuses, sent on the roster. */
@ConsentTest
class CompetenceApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Inject
    ServiceTokens serviceTokens;

    private static String assessments(Fixture school) {
        return school.base() + "/competence-assessments/";
    }

    private static void assess(Fixture school, String pupilId, boolean competent, String reason) {
        school.as(school.bearer("dpo"))
                .body(Map.of("competent", competent, "reason", reason))
                .put(assessments(school) + pupilId)
                .then()
                .statusCode(200);
    }

    private static JsonPath consents(Fixture school, String pupilId, String purpose) {
        return school.as(school.bearer("dpo"))
                .get(school.base() + "/pupils/" + pupilId + "/consents")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("statuses.find { it.purpose == '" + purpose + "' }");
    }

    /** The data of the school's roster events of a type about a pupil, oldest first, from the outbox. */
    private static List<RosterEvents.PupilChanged> pupilEvents(Fixture school, String type, String pupilId) {
        List<RosterEvents.PupilChanged> found = new ArrayList<>();
        try (Connection c = PostgresResource.connect();
                PreparedStatement q = c.prepareStatement(
                        "SELECT payload FROM outbox_event WHERE school_urn = ? AND event_type = ? ORDER BY id")) {
            q.setString(1, school.urn);
            q.setString(2, type);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    RosterEvents.PupilChanged data = CloudEventCodec.data(
                            CloudEventCodec.fromJson(rs.getString(1)), RosterEvents.PupilChanged.class);
                    if (data.pupilId().equals(pupilId)) {
                        found.add(data);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    @Test
    void onlyTheDpoRecordsAnAssessmentWithAReasonNeverInTheFutureAndForAPupilOfTheSchool() {
        Fixture school = Fixture.newSchool();
        school.family("KID", 9, "MUM", "DAD");
        String url = assessments(school) + "KID";
        school.as(school.bearer("school-admin"))
                .body(Map.of("competent", true, "reason", "x"))
                .put(url)
                .then()
                .statusCode(403);
        school.as(school.bearer("dpo"))
                .body(Map.of("reason", "no decision"))
                .put(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        school.as(school.bearer("dpo"))
                .body(Map.of("competent", true, "reason", " "))
                .put(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        school.as(school.bearer("dpo"))
                .body(Map.of(
                        "competent",
                        true,
                        "reason",
                        "x",
                        "assessedOn",
                        TODAY.plusDays(1).toString()))
                .put(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("assessedOn"));
        school.as(school.bearer("dpo"))
                .body(Map.of("competent", true, "reason", "x"))
                .put(assessments(school) + "NOBODY")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        school.as(TestTokens.bearer("dpo", "199998"))
                .body(Map.of("competent", true, "reason", "x"))
                .put(url)
                .then()
                .statusCode(403);
        school.as(school.bearer("school-admin")).get(url).then().statusCode(404);
        assertThat(school.count("SELECT count(*) FROM competence_assessment WHERE school_urn = ?", school.urn))
                .isZero();

        school.as(TestTokens.role("dpo")
                        .school(school.urn)
                        .subject("dpo-carole")
                        .bearer())
                .body(Map.of(
                        "competent",
                        true,
                        "reason",
                        "Talked it through: understands what a photo on the website means",
                        "assessedOn",
                        TODAY.minusDays(3).toString()))
                .put(url)
                .then()
                .statusCode(200)
                .body("pupilId", is("KID"))
                .body("competent", is(true))
                .body("assessedOn", is(TODAY.minusDays(3).toString()))
                .body("assessedBy", is("dpo-carole"))
                .body("competenceAge", is(13));
        school.as(school.bearer("dpo"))
                .body(Map.of("competent", false, "reason", "On reflection, not yet"))
                .put(url)
                .then()
                .statusCode(200)
                .body("assessedOn", is(TODAY.toString()));
        for (String role : List.of("dpo", "school-admin", "auditor")) {
            school.as(school.bearer(role))
                    .get(url)
                    .then()
                    .statusCode(200)
                    .body("competent", is(false))
                    .body("reason", is("On reflection, not yet"));
        }
        school.as(school.bearer("staff")).get(url).then().statusCode(403);
        assertThat(school.count(
                        "SELECT count(*) FROM audit_log WHERE school_urn = ? AND action = 'competence.assessed'",
                        school.urn))
                .isEqualTo(2);
    }

    @Test
    void aNineYearOldAssessedCompetentIsAskedToRefreshTheirParentsConsentAndMayDecideThemself() {
        Fixture school = Fixture.newSchool();
        school.family("KID", 9, "MUM", "DAD");
        school.parentDecides("MUM", "KID", "PHOTO_DISPLAY", "GRANTED").then().statusCode(201);
        assertThat(consents(school, "KID", "PHOTO_DISPLAY").getBoolean("refreshWithPupil"))
                .isFalse();
        school.as(school.pupilToken("KID"))
                .body("""
                {"purpose":"PHOTO_DISPLAY","decision":"REFUSED","givenBy":{"type":"PUPIL"},"method":"ONLINE"}""")
                .post(school.base() + "/pupils/KID/consents")
                .then()
                .statusCode(422);

        assess(school, "KID", true, "Understands what a photo on the display board means and who sees it");

        JsonPath status = consents(school, "KID", "PHOTO_DISPLAY");
        assertThat(status.getBoolean("refreshWithPupil")).isTrue();
        assertThat(status.getList("explanation", String.class))
                .anyMatch(l -> l.contains("data protection officer assessed the pupil as competent"));
        school.as(school.pupilToken("KID"))
                .body("""
                {"purpose":"PHOTO_DISPLAY","decision":"REFUSED","givenBy":{"type":"PUPIL"},"method":"ONLINE"}""")
                .post(school.base() + "/pupils/KID/consents")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("REFUSED"));
    }

    @Test
    void assessingAFourteenYearOldNotYetCompetentRecomputesTheirStatusAndAnnouncesIt() {
        Fixture school = Fixture.newSchool();
        school.family("TEEN", 14, "MUM", "DAD");
        school.parentDecides("MUM", "TEEN", "PHOTO_SOCIAL_MEDIA", "GRANTED")
                .then()
                .statusCode(201);
        school.as(school.pupilToken("TEEN"))
                .body("""
                {"purpose":"PHOTO_SOCIAL_MEDIA","decision":"REFUSED","givenBy":{"type":"PUPIL"},"method":"ONLINE"}""")
                .post(school.base() + "/pupils/TEEN/consents")
                .then()
                .statusCode(201)
                .body("effectiveStatus", is("REFUSED"));
        long grantedBefore = school.count(
                "SELECT count(*) FROM outbox_event WHERE school_urn = ? AND event_type = ?",
                school.urn,
                EventTypes.CONSENT_GRANTED);

        assess(school, "TEEN", false, "Does not yet understand what sharing online means");

        assertThat(school.statusOf("TEEN", "PHOTO_SOCIAL_MEDIA"))
                .as("the pupil's own refusal no longer counts: the mother's grant decides")
                .isEqualTo("GRANTED");
        assertThat(consents(school, "TEEN", "PHOTO_SOCIAL_MEDIA").getList("explanation", String.class))
                .anyMatch(l -> l.contains("assessed the pupil as not yet competent"));
        assertThat(school.count(
                        "SELECT count(*) FROM consent_status WHERE school_urn = ? AND pupil_id = 'TEEN'"
                                + " AND purpose_code = 'PHOTO_SOCIAL_MEDIA' AND status = 'GRANTED'",
                        school.urn))
                .as("the stored status a consent check reads")
                .isEqualTo(1);
        assertThat(school.count(
                        "SELECT count(*) FROM outbox_event WHERE school_urn = ? AND event_type = ?",
                        school.urn,
                        EventTypes.CONSENT_GRANTED))
                .isEqualTo(grantedBefore + 1);
    }

    @Test
    void theAssessmentTravelsOnPupilUpdatedAndOnEveryLaterUpdateOfThePupil() {
        Fixture school = Fixture.newSchool();
        LocalDate born = TODAY.minusYears(10).minusDays(40);
        school.pupil("KID", born).then().statusCode(201);
        assertThat(pupilEvents(school, EventTypes.PUPIL_ENROLLED, "KID"))
                .singleElement()
                .satisfies(e -> assertThat(e.competence()).isNull());

        assess(school, "KID", true, "Understands their rights");
        assertThat(pupilEvents(school, EventTypes.PUPIL_UPDATED, "KID"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.competence()).isEqualTo(new RosterEvents.CompetenceAssessment(true, TODAY));
                    assertThat(e.dateOfBirth()).isEqualTo(born);
                    assertThat(e.onRoll()).isTrue();
                    assertThat(e.destinationUrn()).isNull();
                });

        school.asMis()
                .body(Fixture.pupilJson(born, 6, null))
                .put(school.base() + "/pupils/KID")
                .then()
                .statusCode(200);
        List<RosterEvents.PupilChanged> updates = pupilEvents(school, EventTypes.PUPIL_UPDATED, "KID");
        assertThat(updates).hasSize(2);
        assertThat(updates.get(1).yearGroup()).isEqualTo(6);
        assertThat(updates.get(1).competence())
                .as("the MIS's update carries the current assessment")
                .isEqualTo(new RosterEvents.CompetenceAssessment(true, TODAY));
    }

    @Test
    void thePupilsSubjectExportCarriesTheAssessment() {
        Fixture school = Fixture.newSchool();
        school.family("KID", 9, "MUM", "DAD");
        String export = "/internal/v1/schools/" + school.urn + "/subjects/KID?requesterType=GUARDIAN&requesterId=MUM";
        school.as(serviceTokens.authorizationFor(school.urn))
                .get(export)
                .then()
                .statusCode(200)
                .body("data.competenceAssessment", org.hamcrest.Matchers.nullValue());
        assess(school, "KID", true, "Understands what a photo on the website means");
        school.as(serviceTokens.authorizationFor(school.urn))
                .get(export)
                .then()
                .statusCode(200)
                .body("data.competenceAssessment.competent", is(true))
                .body("data.competenceAssessment.assessedOn", is(TODAY.toString()))
                .body("data.competenceAssessment.reason", containsString("photo on the website"));
    }
}
