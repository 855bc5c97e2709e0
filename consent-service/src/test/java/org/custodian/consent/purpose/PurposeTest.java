package org.custodian.consent.purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.testing.KafkaTestConsumer;
import org.junit.jupiter.api.Test;

@ConsentTest
class PurposeTest {

    /** The purposes every new school starts with. */
    private static final List<String> DEFAULTS = List.of(
            "PHOTO_DISPLAY",
            "PHOTO_WEBSITE",
            "PHOTO_SOCIAL_MEDIA",
            "PHOTO_PRESS",
            "VIDEO_PERFORMANCES",
            "BIOMETRIC_CATERING",
            "RESEARCH",
            "EDTECH_APPS");

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
                .body("items.code", hasItems(DEFAULTS.toArray(String[]::new)))
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
        define(school, SCHOOL_TRIP)
                .then()
                .statusCode(201)
                .body("code", is("TRIP_PHOTOS"))
                .body("currentVersion", is(1));
        define(school, SCHOOL_TRIP).then().statusCode(409);
        school.as(school.bearer("school-admin"))
                .body(SCHOOL_TRIP.replace("TRIP_PHOTOS", "OTHER"))
                .post(school.base() + "/purposes")
                .then()
                .statusCode(403);
    }

    @Test
    void badPurposesAreRefused() {
        Fixture school = Fixture.newSchool();
        define(school, SCHOOL_TRIP.replace("P1M", "a while"))
                .then()
                .statusCode(400)
                .body("errors[0].field", is("validity"));
        define(school, SCHOOL_TRIP.replace("TRIP_PHOTOS", "trip photos"))
                .then()
                .statusCode(400)
                .body("errors[0].field", is("code"));
        define(school, SCHOOL_TRIP.replace("STANDARD", "GENETIC"))
                .then()
                .statusCode(400)
                .body("errors[0].field", is("kind"));
        define(school, SCHOOL_TRIP.replace("[\"PHOTOGRAPHS\"]", "[]"))
                .then()
                .statusCode(400)
                .body("errors[0].field", is("dataCategories"));
        assertThat(school.count(
                        "SELECT count(*) FROM purpose WHERE school_urn = ? AND code = 'TRIP_PHOTOS'", school.urn))
                .isZero();
    }

    @Test
    void everyPurposeASchoolHasIsAnnouncedOnceWithItsWording() {
        Fixture school = Fixture.newSchool();
        try (KafkaTestConsumer consents = new KafkaTestConsumer(Topics.CONSENT)) {
            define(school, SCHOOL_TRIP).then().statusCode(201);
            define(school, SCHOOL_TRIP).then().statusCode(409);
            define(school, SCHOOL_TRIP.replace("TRIP_PHOTOS", "OTHER").replace("P1M", "a while"))
                    .then()
                    .statusCode(400);

            ConsentEvents.PurposeDefined trip = CloudEventCodec.data(
                    event(consents, school, EventTypes.PURPOSE_CREATED, "TRIP_PHOTOS"),
                    ConsentEvents.PurposeDefined.class);
            assertThat(trip.version()).isEqualTo(1);
            assertThat(trip.title()).isEqualTo("Photos on the residential trip blog");
            assertThat(trip.wording()).isEqualTo("We post daily photos on the trip blog.");
            assertThat(trip.kind()).isEqualTo("STANDARD");
            assertThat(trip.dataCategories()).containsExactly("PHOTOGRAPHS");
            assertThat(trip.validity()).isEqualTo("P1M");
            assertThat(trip.definedAt()).isNotNull();

            List<ConsentEvents.PurposeDefined> announced =
                    ofType(consents.drain(Duration.ofSeconds(2)), school, EventTypes.PURPOSE_CREATED).stream()
                            .map(e -> CloudEventCodec.data(e, ConsentEvents.PurposeDefined.class))
                            .toList();
            assertThat(announced)
                    .extracting(ConsentEvents.PurposeDefined::purpose)
                    .as("the new school's eight defaults and its own purpose, each once; nothing for the refusals")
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(DEFAULTS.stream(), Stream.of("TRIP_PHOTOS"))
                            .toList());
            ConsentEvents.PurposeDefined biometric = announced.stream()
                    .filter(p -> p.purpose().equals("BIOMETRIC_CATERING"))
                    .findFirst()
                    .orElseThrow();
            assertThat(biometric.kind()).isEqualTo("BIOMETRIC");
            assertThat(biometric.wording()).contains("Protection of Freedoms Act 2012");
        }
    }

    @Test
    void aRewordingCarriesTheNewWordingAndTitle() {
        Fixture school = Fixture.newSchool();
        try (KafkaTestConsumer consents = new KafkaTestConsumer(Topics.CONSENT)) {
            String newspapers = """
                    {"title":"Photos in newspapers","wording":"Newspapers may print your child's full name.","requiresReconsent":true}""";
            reword(school, "\"9\"", newspapers).then().statusCode(412);
            reword(school, "\"1\"", newspapers).then().statusCode(201);

            ConsentEvents.Reworded reworded = CloudEventCodec.data(
                    event(consents, school, EventTypes.PURPOSE_REWORDED, "PHOTO_PRESS"), ConsentEvents.Reworded.class);
            assertThat(reworded.version()).isEqualTo(2);
            assertThat(reworded.requiresReconsent()).isTrue();
            assertThat(reworded.title()).isEqualTo("Photos in newspapers");
            assertThat(reworded.wording()).isEqualTo("Newspapers may print your child's full name.");
            assertThat(reworded.rewordedAt()).isNotNull();
            assertThat(ofType(consents.drain(Duration.ofSeconds(1)), school, EventTypes.PURPOSE_REWORDED))
                    .as("the refused rewording (412) announced nothing")
                    .hasSize(1);
        }
    }

    /** The school's events of one type among those received. */
    private static List<CloudEvent> ofType(List<ConsumerRecord<String, String>> records, Fixture school, String type) {
        return records.stream()
                .filter(r -> r.key().equals(school.urn))
                .map(r -> CloudEventCodec.fromJson(r.value()))
                .filter(e -> e.type().equals(type))
                .toList();
    }

    private static Response define(Fixture school, String body) {
        return school.as(school.bearer("dpo")).body(body).post(school.base() + "/purposes");
    }

    private static Response reword(Fixture school, String ifMatch, String body) {
        return school.as(school.bearer("dpo"))
                .header("If-Match", ifMatch)
                .body(body)
                .post(school.base() + "/purposes/PHOTO_PRESS/versions");
    }

    private static CloudEvent event(KafkaTestConsumer consumer, Fixture school, String type, String purpose) {
        ConsumerRecord<String, String> record = consumer.await(
                        r -> r.key().equals(school.urn)
                                && r.value().contains(type)
                                && CloudEventCodec.fromJson(r.value())
                                        .data()
                                        .path("purpose")
                                        .asText()
                                        .equals(purpose),
                        Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no " + type + " for " + purpose));
        return CloudEventCodec.fromJson(record.value());
    }
}
