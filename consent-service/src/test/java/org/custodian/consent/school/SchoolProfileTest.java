package org.custodian.consent.school;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.time.Duration;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.events.Topics;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@ConsentTest
class SchoolProfileTest {

    private static final String UPDATE = """
            {"name":"Oak Primary","type":"ACADEMY","region":"SCOTLAND","dpoName":"Dee Pio","dpoEmail":"dpo@oak.sch.uk",
             "competenceAge":12,"conflictPolicy":"LATEST_DECISION"}""";

    @Test
    void theDemoSchoolStartsWithItsPrivacyNoticeValues() {
        given().header("Authorization", TestTokens.bearer("parent", "100001"))
                .get("/api/v1/schools/100001")
                .then()
                .statusCode(200)
                .body("name", is("Cassiobury Infant School"))
                .body("dpoEmail", is("carole@schoolDPOservice.com"))
                .body("competenceAge", is(13))
                .body("conflictPolicy", is("MOST_RESTRICTIVE"));
    }

    @Test
    void readingAnUnknownSchoolStoresNothing() {
        Fixture school = Fixture.newSchool();
        long before = school.count("SELECT count(*) FROM school WHERE urn = ?", school.urn);
        school.as(school.bearer("staff"))
                .get(school.base())
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("name", is("School " + school.urn))
                .body("competenceAge", is(13));
        school.as(school.bearer("staff"))
                .get(school.base() + "/purposes")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("PHOTO_PRESS"));
        school.as(school.bearer("parent")).get("/api/v1/me").then().statusCode(200);
        assertThat(before).isZero();
        assertThat(school.count("SELECT count(*) FROM school WHERE urn = ?", school.urn))
                .isZero();
        assertThat(school.count("SELECT count(*) FROM purpose WHERE school_urn = ?", school.urn))
                .isZero();
        assertThat(school.outboxEvents()).isZero();
    }

    @Test
    void theDpoUpdatesTheProfileWithIfMatchAndOtherServicesHearOfIt() {
        Fixture school = Fixture.newSchool();
        String etag = school.as(school.bearer("dpo"))
                .get(school.base())
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        try (KafkaTestConsumer roster = new KafkaTestConsumer(Topics.ROSTER)) {
            Response updated = school.as(school.bearer("dpo"))
                    .header("If-Match", etag)
                    .body(UPDATE)
                    .put(school.base());
            updated.then().statusCode(200).body("name", is("Oak Primary")).body("region", is("SCOTLAND"));
            assertThat(updated.header("ETag")).isNotEqualTo(etag);

            var event = roster.await(r -> r.value().contains("Oak Primary"), Duration.ofSeconds(20));
            assertThat(event).isPresent();
            RosterEvents.SchoolUpdated data = CloudEventCodec.data(
                    CloudEventCodec.fromJson(event.get().value()), RosterEvents.SchoolUpdated.class);
            assertThat(data.urn()).isEqualTo(school.urn);
            assertThat(data.competenceAge()).isEqualTo(12);
            assertThat(data.conflictPolicy()).isEqualTo("LATEST_DECISION");
            assertThat(data.nation())
                    .as("no nation given: the one Scotland's region implies")
                    .isEqualTo("SCOTLAND");
            assertThat(event.get().key()).isEqualTo(school.urn);
        }
        school.as(school.bearer("dpo"))
                .header("If-Match", etag)
                .body(UPDATE)
                .put(school.base())
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void aWelshSchoolSaysSoAndOtherServicesHearItAndScotlandPresumesCompetenceAtTwelve() {
        Fixture school = Fixture.newSchool();
        String etag = school.as(school.bearer("dpo"))
                .get(school.base())
                .then()
                .extract()
                .header("ETag");
        String welsh = UPDATE.replace("SCOTLAND", "ENGLAND_AND_WALES")
                .replace("\"competenceAge\":12", "\"competenceAge\":13")
                .replace("}", ",\"nation\":\"WALES\"}");
        try (KafkaTestConsumer roster = new KafkaTestConsumer(Topics.ROSTER)) {
            etag = school.as(school.bearer("dpo"))
                    .header("If-Match", etag)
                    .body(welsh)
                    .put(school.base())
                    .then()
                    .statusCode(200)
                    .body("nation", is("WALES"))
                    .body("competenceAgeInEffect", is(13))
                    .extract()
                    .header("ETag");
            var event = roster.await(
                    r -> r.value().contains(school.urn) && r.value().contains("\"nation\":\"WALES\""),
                    Duration.ofSeconds(20));
            assertThat(event).isPresent();
            assertThat(CloudEventCodec.data(
                                    CloudEventCodec.fromJson(event.get().value()), RosterEvents.SchoolUpdated.class)
                            .nation())
                    .isEqualTo("WALES");
        }
        // DPA 2018 s.208: in Scotland the age in effect is 12 whatever the setting says
        school.as(school.bearer("dpo"))
                .header("If-Match", etag)
                .body(UPDATE.replace("\"competenceAge\":12", "\"competenceAge\":14"))
                .put(school.base())
                .then()
                .statusCode(200)
                .body("nation", is("SCOTLAND"))
                .body("competenceAge", is(14))
                .body("competenceAgeInEffect", is(12));
    }

    @Test
    void aNationOutsideItsRegionIsRefusedAndNothingChanges() {
        Fixture school = Fixture.newSchool();
        String etag = school.as(school.bearer("dpo"))
                .get(school.base())
                .then()
                .extract()
                .header("ETag");
        school.as(school.bearer("dpo"))
                .header("If-Match", etag)
                .body(UPDATE.replace("}", ",\"nation\":\"WALES\"}"))
                .put(school.base())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("nation"));
        school.as(school.bearer("dpo"))
                .get(school.base())
                .then()
                .statusCode(200)
                .header("ETag", is(etag))
                .body("nation", is("ENGLAND"));
    }

    @Test
    void anUpdateWithoutIfMatchIsRefused() {
        Fixture school = Fixture.newSchool();
        school.as(school.bearer("dpo"))
                .body(UPDATE)
                .put(school.base())
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheDpoUpdates() {
        Fixture school = Fixture.newSchool();
        String etag = school.as(school.bearer("dpo"))
                .get(school.base())
                .then()
                .extract()
                .header("ETag");
        for (String role : new String[] {"school-admin", "staff", "parent", "mis"}) {
            school.as(school.bearer(role))
                    .header("If-Match", etag)
                    .body(UPDATE)
                    .put(school.base())
                    .then()
                    .statusCode(403);
        }
        school.as(TestTokens.bearer("partner", school.urn))
                .get(school.base())
                .then()
                .statusCode(403);
    }

    @Test
    void badValuesAreRefusedAndNothingChanges() {
        Fixture school = Fixture.newSchool();
        String etag = school.as(school.bearer("dpo"))
                .get(school.base())
                .then()
                .extract()
                .header("ETag");
        school.as(school.bearer("dpo"))
                .header("If-Match", etag)
                .body(UPDATE.replace("ACADEMY", "GRAMMAR"))
                .put(school.base())
                .then()
                .statusCode(400)
                .body("errors[0].field", is("type"));
        school.as(school.bearer("dpo"))
                .header("If-Match", etag)
                .body(UPDATE.replace("\"competenceAge\":12", "\"competenceAge\":40"))
                .put(school.base())
                .then()
                .statusCode(400)
                .body("errors[0].field", is("competenceAge"));
        school.as(school.bearer("dpo"))
                .header("If-Match", etag)
                .body(UPDATE.replace("dpo@oak.sch.uk", "not-an-email"))
                .put(school.base())
                .then()
                .statusCode(400)
                .body("errors[0].field", is("dpoEmail"));
        school.as(school.bearer("dpo"))
                .get(school.base())
                .then()
                .header("ETag", etag)
                .body("name", is("School " + school.urn));
    }
}
