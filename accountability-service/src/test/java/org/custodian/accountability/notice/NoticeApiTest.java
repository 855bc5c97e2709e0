package org.custodian.accountability.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.accountability.AccountabilityTest;
import org.custodian.accountability.testing.AccountabilitySchool;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.PostgresResource;
import org.junit.jupiter.api.Test;

/** The notice through HTTP, its facts through the real broker: draft, publication, versions, drift, the public copy. */
@AccountabilityTest
@SuppressWarnings("unchecked")
class NoticeApiTest {

    @Test
    void aNewRecipientOutdatesTheNoticeUntilTheDpoPublishesTheNextVersion() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        try (KafkaTestConsumer events = new KafkaTestConsumer(Topics.ACCOUNTABILITY)) {
            assertThat(school.publish()).isEqualTo(1);
            JsonPath published = events.await(
                            r -> r.value().contains(EventTypes.NOTICE_PUBLISHED)
                                    && r.value().contains(school.urn),
                            Duration.ofSeconds(30))
                    .map(r -> new JsonPath(r.value()))
                    .orElseThrow();
            assertThat(published.getInt("data.version")).isEqualTo(1);
            assertThat(published.getString("data.hash")).hasSize(64);
            school.as("dpo")
                    .get(school.notice("/status"))
                    .then()
                    .statusCode(200)
                    .body("status", is("CURRENT"));

            school.recipient("r-wonde", "Wonde", "PROCESSOR", "EDTECH", 1);
            school.agreement(
                    "a-wonde", "r-wonde", "MIS integration", List.of("IDENTITY", "ASSESSMENT"), "PUBLIC_TASK", null, 1);
            school.awaitFact("AGREEMENT", "a-wonde", 1);

            JsonPath status = school.as("dpo")
                    .get(school.notice("/status"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(status.getString("status")).isEqualTo("OUTDATED");
            assertThat(status.getInt("publishedVersion")).isEqualTo(1);
            assertThat(status.getString("outdatedSince")).isNotNull();
            List<Map<String, Object>> differences = status.getList("differences");
            assertThat(differences)
                    .anySatisfy(d -> {
                        assertThat(d).containsEntry("section", "recipients").containsEntry("change", "ADDED");
                        assertThat((String) d.get("item")).startsWith("Wonde");
                        assertThat((List<Object>) d.get("because"))
                                .contains("recipient r-wonde v1", "agreement a-wonde v1");
                    })
                    .anySatisfy(
                            d -> assertThat(d).containsEntry("section", "uses").containsEntry("change", "ADDED"));
            assertThat(events.await(
                            r -> r.value().contains(EventTypes.NOTICE_OUTDATED)
                                    && r.value().contains(school.urn),
                            Duration.ofSeconds(30)))
                    .isPresent();

            // the draft is the facts' notice now; v1 still says what it said
            school.as("dpo")
                    .get(school.notice("/draft"))
                    .then()
                    .statusCode(200)
                    .body("content.recipients.recipients.flatten().name", hasItem("Wonde"))
                    .body("changedSections", hasItem("recipients"));
            school.as("parent")
                    .get(school.notice(""))
                    .then()
                    .statusCode(200)
                    .body("version", is(1))
                    .body("content.recipients.recipients.flatten().name", not(hasItem("Wonde")));

            assertThat(school.publish()).isEqualTo(2);
            school.as("dpo").get(school.notice("/status")).then().body("status", is("CURRENT"));
            school.as("dpo")
                    .get(school.notice("/versions/2"))
                    .then()
                    .statusCode(200)
                    .body("changes", hasItem(startsWith("New: the recipient Wonde")))
                    .body("changedSections", hasItem("recipients"))
                    .body("changedSections", not(hasItem("rights")));
            school.as("dpo")
                    .get(school.notice("/versions"))
                    .then()
                    .statusCode(200)
                    .body("items.version", is(List.of(2, 1)));
            given().get("/public/v1/schools/" + school.urn + "/privacy-notice")
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .body(containsString("Wonde"))
                    .body(containsString("Version 2"))
                    .body(containsString("What has changed since version 1"));
        }
    }

    @Test
    void eachKindOfChangeOutdatesTheNoticeAndNamesTheFactThatCausedIt() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        school.publish();

        school.reworded(
                "PHOTO_WEBSITE",
                2,
                "Photos on the school website",
                "We would like to publish photographs" + " of your child, without their name.");
        school.awaitFact("PURPOSE", "PHOTO_WEBSITE", 2);
        assertDifference(school, "consentPurposes", "CHANGED", "purpose PHOTO_WEBSITE v2");
        school.publish();

        school.purpose(
                "BIOMETRIC_CATERING",
                1,
                "Biometric recognition for cashless catering",
                "Fingerprints.",
                List.of("BIOMETRIC"));
        school.awaitFact("PURPOSE", "BIOMETRIC_CATERING", 1);
        assertDifference(school, "consentPurposes", "ADDED", "purpose BIOMETRIC_CATERING v1");
        assertDifference(school, "categories", "ADDED", "purpose BIOMETRIC_CATERING v1");
        school.publish();

        school.rule(
                "ADMISSION_ATTENDANCE_REGISTERS",
                1,
                "Admission and attendance registers",
                "P3Y",
                List.of("ATTENDANCE"));
        school.awaitFact("RETENTION_RULE", "ADMISSION_ATTENDANCE_REGISTERS", 1);
        assertDifference(school, "retention", "CHANGED", "retention-rule ADMISSION_ATTENDANCE_REGISTERS v1");
        school.publish();

        school.agreement(
                "a-census", "r-dfe", "School census (DfE)", List.of("IDENTITY", "ATTENDANCE"), "PUBLIC_TASK", null, 2);
        school.awaitFact("AGREEMENT", "a-census", 2);
        assertDifference(school, "uses", "CHANGED", "agreement a-census v2");
        school.publish();

        school.recipient("r-cloud", "Cloud backup", "PROCESSOR", "SUPPLIER", 1);
        school.agreement("a-cloud", "r-cloud", "Backups", List.of("IDENTITY"), "PUBLIC_TASK", "US", 1);
        school.awaitFact("AGREEMENT", "a-cloud", 1);
        assertDifference(school, "transfers", "ADDED", "agreement a-cloud v1");
        school.publish();

        school.agreement(
                "a-cloud",
                "r-cloud",
                "Backups",
                List.of("IDENTITY"),
                "PUBLIC_TASK",
                "US",
                LocalDate.parse("2026-10-31"),
                2);
        school.awaitFact("AGREEMENT", "a-cloud", 2);
        assertDifference(school, "transfers", "REMOVED", "agreement a-cloud v1");

        school.profile("Cassiobury Infant School", "Dev Patel", "dev@schooldposervice.example");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertDifference(school, "controller", "CHANGED", "school profile v0"));
    }

    private static void assertDifference(AccountabilitySchool school, String section, String change, String because) {
        JsonPath status = school.as("dpo")
                .get(school.notice("/status"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(status.getString("status")).isEqualTo("OUTDATED");
        List<Map<String, Object>> differences = status.getList("differences");
        assertThat(differences)
                .as("the differences after a change of %s", section)
                .anySatisfy(d -> {
                    assertThat(d).containsEntry("section", section).containsEntry("change", change);
                    assertThat((List<Object>) d.get("because")).contains(because);
                });
    }

    @Test
    void aFactSeenTwiceOrOutOfOrderChangesNothingTwice() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        school.reworded("PHOTO_WEBSITE", 3, "Photos online", "Version three.");
        school.awaitFact("PURPOSE", "PHOTO_WEBSITE", 3);
        // the older wording arrives late, and the creation again: version 3 stands, with the creation's categories
        school.reworded("PHOTO_WEBSITE", 2, "Photos on the website", "Version two.");
        school.purpose(
                "PHOTO_WEBSITE",
                1,
                "Photos on the school website",
                "We would like to publish photographs.",
                List.of("PHOTOGRAPHS"));
        school.recipient("r-late", "Marker", "CONTROLLER", "EDUCATION", 1);
        school.awaitFact("RECIPIENT", "r-late", 1);
        JsonPath draft = school.as("dpo")
                .get(school.notice("/draft"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(draft.getString("content.consentPurposes.find { it.code == 'PHOTO_WEBSITE' }.wording"))
                .isEqualTo("Version three.");
        assertThat(draft.getList("content.categories.code")).contains("PHOTOGRAPHS");
    }

    @Test
    void aPublishedVersionNeverChanges() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        school.publish();
        String hash = school.as("dpo")
                .get(school.notice("/versions/1"))
                .then()
                .extract()
                .path("hash");
        school.as("dpo")
                .post(school.notice("/draft/publication"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing new"));
        assertThatThrownBy(() ->
                        sql("UPDATE notice_version SET hash = repeat('0', 64) WHERE school_urn = '" + school.urn + "'"))
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> sql("DELETE FROM notice_version WHERE school_urn = '" + school.urn + "'"))
                .hasMessageContaining("never changed");
        school.as("dpo").get(school.notice("/versions/1")).then().body("hash", is(hash));
        school.as("dpo").get(school.notice("/versions/7")).then().statusCode(404);
        school.as("dpo").get(school.notice("/versions/x")).then().statusCode(400);
    }

    @Test
    void theDpoWritesTheFreeTextWithIfMatch() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        school.as("dpo").get(school.notice("/draft")).then().header("ETag", "\"0\"");
        Map<String, Object> words = Map.of(
                "introduction",
                "Welcome to our notice.",
                "localExplanations",
                Map.of("recipients", "We review our partners every July."));
        school.as("dpo").body(words).put(school.notice("/draft")).then().statusCode(428);
        school.as("dpo")
                .header("If-Match", "\"0\"")
                .body(words)
                .put(school.notice("/draft"))
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("content.introduction", is("Welcome to our notice."))
                .body("changedSections", hasItem("introduction"));
        school.as("dpo")
                .header("If-Match", "\"0\"")
                .body(words)
                .put(school.notice("/draft"))
                .then()
                .statusCode(412);
        school.as("dpo")
                .header("If-Match", "\"1\"")
                .body(Map.of("localExplanations", Map.of("introduction", "not a generated section")))
                .put(school.notice("/draft"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        school.publish();
        given().get("/public/v1/schools/" + school.urn + "/privacy-notice")
                .then()
                .body(containsString("Welcome to our notice."))
                .body(containsString("We review our partners every July."));
    }

    @Test
    void thePublicCopyNeedsNoTokenAndShowsOnlyWhatIsPublished() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        String path = "/public/v1/schools/" + school.urn;
        given().get(path + "/privacy-notice").then().statusCode(404).contentType("application/problem+json");
        given().accept("text/csv").get(path + "/retention-schedule").then().statusCode(404);
        school.as("dpo")
                .header("If-Match", "\"0\"")
                .body(Map.of("introduction", "Draft words only."))
                .put(school.notice("/draft"))
                .then()
                .statusCode(200);
        school.publish();
        school.as("dpo")
                .header("If-Match", "\"1\"")
                .body(Map.of("introduction", "Not yet published."))
                .put(school.notice("/draft"))
                .then()
                .statusCode(200);

        String etag = given().accept("application/json")
                .get(path + "/privacy-notice")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("max-age"))
                .body("version", is(1))
                .body("content.introduction", is("Draft words only."))
                .body("$", not(org.hamcrest.Matchers.hasKey("publishedBy")))
                .extract()
                .header("ETag");
        given().accept("application/json")
                .header("If-None-Match", etag)
                .get(path + "/privacy-notice")
                .then()
                .statusCode(304);
        String html = given().accept("text/html")
                .get(path + "/privacy-notice")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("<html lang=\"en-GB\">", "<h1>", "Cassiobury Infant School", "Draft words only.")
                .doesNotContain("Not yet published.");
        given().accept("text/csv")
                .get(path + "/retention-schedule")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("record_class,description,kept_for,then"))
                .body(containsString("ADMISSION_ATTENDANCE_REGISTERS,Admission and attendance registers,6 years"));
        given().accept("application/json")
                .get(path + "/retention-schedule")
                .then()
                .statusCode(200)
                .body("classes[0].recordClass", is("ADMISSION_ATTENDANCE_REGISTERS"));
        // a link can ask for a form where it cannot set Accept
        given().get(path + "/privacy-notice?format=pdf").then().statusCode(200).contentType("application/pdf");
        given().accept("text/html")
                .get(path + "/privacy-notice?format=json")
                .then()
                .statusCode(200)
                .body("version", is(1));
        given().get(path + "/retention-schedule?format=csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"));
        given().get(path + "/privacy-notice?format=xml").then().statusCode(400).contentType("application/problem+json");
        given().get("/public/v1/schools/12345/privacy-notice").then().statusCode(404);
        given().get("/public/v1/schools/" + AccountabilitySchool.randomUrn() + "/privacy-notice")
                .then()
                .statusCode(404);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = PostgresResource.connect();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
