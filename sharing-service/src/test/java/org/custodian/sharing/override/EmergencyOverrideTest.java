package org.custodian.sharing.override;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.sharing.support.Api.agreement;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.as;
import static org.custodian.sharing.support.Api.ask;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.reasons;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.Topics;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.Receiver;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.KafkaTestConsumer;
import org.custodian.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Emergency overrides (vital interests) as the penetration test found them and as they must be: only the DPO and the
 * designated safeguarding lead, only to recipients fit for an emergency, never under a consent agreement; each one
 * alerts the DPO at once and waits for the DPO's review, on a clock.
 */
@SharingTest
class EmergencyOverrideTest {

    static final String URN = "230001";
    static final String PHOTOS = "photo-press";
    static final String SAFEGUARDING = "safeguarding-referral";
    static final String JUSTIFICATION = "Child disclosed risk of immediate harm at 10:40; referral needed at once.";
    static final Receiver PARTNER = new Receiver();

    @Inject
    DataSource dataSource;

    @Inject
    MovableClock clock;

    @Inject
    OverrideReviewJob job;

    String child;

    @AfterAll
    static void stopPartner() {
        PARTNER.close();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @BeforeEach
    void aChildWhoseParentsRefusedPressPhotos() {
        child = "P-" + UUID.randomUUID();
        Events.publish(
                Events.enrolled(URN, child),
                Events.consent(EventTypes.CONSENT_REFUSED, URN, child, PHOTOS, "REFUSED", "REFUSED", 1));
    }

    /** A recipient of a sector with a webhook endpoint for disclosure.made; returns its id. */
    private static String recipient(String name, String kind, String sector) {
        String id = dpo(URN).body(
                        Map.of("name", name + " " + UUID.randomUUID(), "kind", kind, "sector", sector, "country", "GB"))
                .post(base(URN) + "/recipients")
                .then()
                .statusCode(201)
                .body("sector", is(sector))
                .extract()
                .path("id");
        dpo(URN).body(Map.of("url", PARTNER.url("/" + id), "eventTypes", List.of("disclosure.made")))
                .post(base(URN) + "/recipients/" + id + "/webhook-endpoints")
                .then()
                .statusCode(201);
        return id;
    }

    /** The newspaper, with a consent agreement for press photos; the child's refusal already known to the service. */
    private String newspaper() {
        String paper = recipient("Watford Observer", "CONTROLLER", "PRESS");
        agreement(
                URN,
                agreementBody(
                        paper,
                        "CONSENT",
                        PHOTOS,
                        "consentPurpose",
                        PHOTOS,
                        "dataCategories",
                        List.of("IDENTITY", "PHOTOGRAPHS")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reasons(URN, paper, child, PHOTOS).contains("CONSENT_REFUSED"));
        return paper;
    }

    /** Children's services under a public task agreement for safeguarding referrals. */
    private String childrensServices() {
        String mash = recipient("Children's Services (MASH)", "STATUTORY_BODY", "CHILDRENS_SERVICES");
        agreement(
                URN,
                agreementBody(
                        mash,
                        "PUBLIC_TASK",
                        SAFEGUARDING,
                        "dataCategories",
                        List.of("IDENTITY", "CONTACT", "SAFEGUARDING")));
        return mash;
    }

    /** The child's processing restricted (Art. 18), as sar-service announces it; waits until the decisions see it. */
    private void restrictProcessing(String recipient) {
        Events.publish(
                Events.restriction(EventTypes.PROCESSING_RESTRICTED, URN, child, "R-" + UUID.randomUUID(), List.of()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reasons(URN, recipient, child, SAFEGUARDING).contains("PROCESSING_RESTRICTED"));
    }

    private static Map<String, Object> photoOf(String recipient, String pupil, Object... extra) {
        Map<String, Object> body = ask(recipient, List.of(pupil), PHOTOS, extra);
        body.put("dataCategories", List.of("PHOTOGRAPHS"));
        body.put("reason", "photo of the sports day for the paper");
        return body;
    }

    private static Map<String, Object> referral(String recipient, String pupil) {
        Map<String, Object> body =
                ask(recipient, List.of(pupil), SAFEGUARDING, "emergencyJustification", JUSTIFICATION);
        body.put("dataCategories", List.of("IDENTITY", "SAFEGUARDING"));
        body.put("reason", "referral to the MASH");
        return body;
    }

    private static ValidatableResponse disclose(String role, Map<String, Object> body) {
        return as(role, URN).body(body).post(base(URN) + "/disclosures").then();
    }

    /** What a disclosure leaves behind about one recipient and pupil: log rows, requests, outbox events, messages, reviews. */
    private String traces(String recipient, String pupil) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM disclosure_log WHERE school_urn = ? AND recipient_id = ?::uuid),
                       (SELECT count(*) FROM disclosure_request WHERE school_urn = ? AND recipient_id = ?::uuid),
                       (SELECT count(*) FROM outbox_event WHERE event_key = ?),
                       (SELECT count(*) FROM webhook_message WHERE school_urn = ? AND recipient_id = ?::uuid),
                       (SELECT count(*) FROM override_review r JOIN disclosure_log d ON d.school_urn = r.school_urn
                            AND d.id = r.disclosure_id WHERE d.school_urn = ? AND d.recipient_id = ?::uuid)
                """)) {
            int i = 0;
            for (String value :
                    List.of(URN, recipient, URN, recipient, URN + ":" + pupil, URN, recipient, URN, recipient)) {
                s.setString(++i, value);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return "log=" + r.getLong(1) + " requests=" + r.getLong(2) + " outbox=" + r.getLong(3) + " messages="
                        + r.getLong(4) + " reviews=" + r.getLong(5);
            }
        }
    }

    private static final String NOTHING = "log=0 requests=0 outbox=0 messages=0 reviews=0";

    private List<Map<String, Object>> audit(String subject) {
        return dpo(URN).get(base(URN) + "/audit/sharing?limit=500&subject=" + subject)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    @Test
    void theTeacherWhoSentARefusedChildsPhotoToTheNewspaperIsRefusedAndNothingIsDisclosed() throws Exception {
        String paper = newspaper();
        assertThat(traces(paper, child)).isEqualTo(NOTHING);
        for (String role : List.of("staff", "mis", "school-admin")) {
            disclose(role, photoOf(paper, child, "emergencyJustification", JUSTIFICATION))
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("designated safeguarding lead"));
            as(role, URN)
                    .body(photoOf(paper, child, "emergencyJustification", JUSTIFICATION))
                    .post(base(URN) + "/sharing-checks")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        // the DPO and the safeguarding lead may override, but never to the press or under a consent agreement
        for (String role : List.of("dpo", "safeguarding-lead")) {
            disclose(role, photoOf(paper, child, "emergencyJustification", JUSTIFICATION))
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("detail", containsString("PRESS"));
        }
        assertThat(traces(paper, child)).isEqualTo(NOTHING);
        Thread.sleep(500);
        assertThat(PARTNER.at("/" + paper))
                .as("no webhook reached the newspaper")
                .isEmpty();
        assertThat(audit("recipients/" + paper))
                .filteredOn(a -> "disclosure.override-refused".equals(a.get("action")))
                .hasSize(8)
                .allSatisfy(a -> assertThat(a.get("outcome")).isEqualTo("DENIED"))
                .extracting(a -> a.get("actorRole"))
                .contains("staff", "mis", "school-admin", "dpo", "safeguarding-lead");
        // without the justification the refusal stands, logged as a refusal
        disclose("staff", photoOf(paper, child))
                .statusCode(200)
                .body("decisions[0].outcome", is("REFUSED"))
                .body("decisions[0].reasons", contains("CONSENT_REFUSED"));
        assertThat(traces(paper, child)).startsWith("log=0 requests=1 ");
    }

    @Test
    void noOverrideToEdtechOrMarketingNorUnderAConsentAgreementEvenForAFitRecipient() throws Exception {
        String platform = recipient("Learning Platform", "PROCESSOR", "EDTECH");
        String advertiser = recipient("Uniform Offers", "CONTROLLER", "MARKETING");
        String hospital = recipient("Watford General", "CONTROLLER", "HEALTH");
        for (String r : List.of(platform, advertiser)) {
            agreement(
                    URN,
                    agreementBody(
                            r, "PUBLIC_TASK", SAFEGUARDING, "dataCategories", List.of("IDENTITY", "SAFEGUARDING")));
        }
        agreement(
                URN,
                agreementBody(
                        hospital,
                        "CONSENT",
                        SAFEGUARDING,
                        "consentPurpose",
                        "health-sharing",
                        "dataCategories",
                        List.of("IDENTITY", "SAFEGUARDING")));
        for (String r : List.of(platform, advertiser)) {
            disclose("dpo", referral(r, child)).statusCode(422).body("detail", containsString("children's services"));
            assertThat(traces(r, child)).isEqualTo(NOTHING);
        }
        disclose("safeguarding-lead", referral(hospital, child))
                .statusCode(422)
                .body("detail", containsString("consent-based agreement"));
        assertThat(traces(hospital, child)).isEqualTo(NOTHING);
    }

    @Test
    void theSafeguardingLeadOverridesARestrictionForChildrensServicesAndTheDpoIsAlertedAtOnce() throws Exception {
        String mash = childrensServices();
        restrictProcessing(mash);
        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            String disclosure = disclose("safeguarding-lead", referral(mash, child))
                    .statusCode(200)
                    .body("decisions[0].outcome", is("ALLOWED"))
                    .body("decisions[0].override", is(true))
                    .body("decisions[0].lawfulBasis", is("VITAL_INTERESTS"))
                    .body("decisions[0].overridden", contains("PROCESSING_RESTRICTED"))
                    .extract()
                    .path("decisions[0].disclosureId");

            ConsumerRecord<String, String> alert = sharing.await(
                            r -> r.value().contains(EventTypes.OVERRIDE_MADE)
                                    && r.value().contains(disclosure),
                            Duration.ofSeconds(30))
                    .orElseThrow();
            assertThat(alert.key()).isEqualTo(URN + ":" + child);
            CloudEvent event = CloudEventCodec.fromJson(alert.value());
            assertThat(event.type()).isEqualTo("uk.custodian.disclosure.override-made");
            JsonNode data = event.data();
            assertThat(data.path("disclosureId").asText()).isEqualTo(disclosure);
            assertThat(data.path("pupilId").asText()).isEqualTo(child);
            assertThat(data.path("recipientId").asText()).isEqualTo(mash);
            assertThat(data.path("recipientSector").asText()).isEqualTo("CHILDRENS_SERVICES");
            assertThat(data.path("agreementBasis").asText()).isEqualTo("PUBLIC_TASK");
            assertThat(data.path("lawfulBasis").asText()).isEqualTo("VITAL_INTERESTS");
            assertThat(data.path("overridden").get(0).asText()).isEqualTo("PROCESSING_RESTRICTED");
            assertThat(data.path("authorisedAs").asText()).isEqualTo("safeguarding-lead");
            assertThat(LocalDate.parse(data.path("reviewDueOn").asText())).isAfter(LocalDate.now());
            assertThat(alert.value())
                    .as("ids and facts only: no names, no justification")
                    .doesNotContain("MASH")
                    .doesNotContain("immediate harm");
            assertThat(sharing.await(
                            r -> r.value().contains(EventTypes.DISCLOSURE_MADE)
                                    && r.value().contains(disclosure),
                            Duration.ofSeconds(10)))
                    .isPresent();
        }
        assertThat(traces(mash, child))
                .as("disclosure.made and override-made; the partner's webhook; the review")
                .isEqualTo("log=1 requests=1 outbox=2 messages=1 reviews=1");
        assertThat(audit("pupils/" + child)).extracting(a -> a.get("action")).contains("disclosure.override");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !PARTNER.at("/" + mash).isEmpty());
    }

    @Test
    void theDpoOverridesAnObjectionForTheHospitalAndASharingCheckSaysSoWithoutLogging() throws Exception {
        String hospital = recipient("Watford General A&E", "CONTROLLER", "HEALTH");
        agreement(
                URN,
                agreementBody(
                        hospital, "PUBLIC_TASK", SAFEGUARDING, "dataCategories", List.of("IDENTITY", "SAFEGUARDING")));
        Events.publish(Events.objection(URN, child, List.of()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reasons(URN, hospital, child, SAFEGUARDING).contains("OBJECTION_UPHELD"));
        as("safeguarding-lead", URN)
                .body(referral(hospital, child))
                .post(base(URN) + "/sharing-checks")
                .then()
                .statusCode(200)
                .body("decisions[0].outcome", is("ALLOWED"))
                .body("decisions[0].override", is(true))
                .body("decisions[0].disclosureId", nullValue());
        assertThat(traces(hospital, child)).isEqualTo(NOTHING);
        disclose("dpo", referral(hospital, child))
                .statusCode(200)
                .body("decisions[0].override", is(true))
                .body("decisions[0].overridden", contains("OBJECTION_UPHELD"));
        dpo(URN).get(base(URN) + "/disclosures/overrides?pupilId=" + child)
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].authorisedAs", is("dpo"))
                .body("items[0].recipientSector", is("HEALTH"))
                .body("items[0].overrideJustification", is(JUSTIFICATION))
                .body("items[0].disclosedByRole", is("dpo"));
    }

    @Test
    void theDpoReviewsEachOverrideOnceWithinTheClock() {
        String mash = childrensServices();
        restrictProcessing(mash);
        String disclosure = disclose("safeguarding-lead", referral(mash, child))
                .statusCode(200)
                .extract()
                .path("decisions[0].disclosureId");
        String overrides = base(URN) + "/disclosures/overrides";
        String review = base(URN) + "/disclosures/" + disclosure + "/override-review";

        LocalDate due = LocalDate.parse(dpo(URN).get(overrides + "?review=pending&pupilId=" + child)
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].id", is(disclosure))
                .body("items[0].overrideJustification", is(JUSTIFICATION))
                .body("items[0].overridden", contains("PROCESSING_RESTRICTED"))
                .body("items[0].review.status", is("PENDING"))
                .body("items[0].review.workingDaysLeft", is(5))
                .body("items[0].review.outcome", nullValue())
                .extract()
                .path("items[0].review.dueOn"));
        assertThat(due).isAfter(LocalDate.now());
        as("safeguarding-lead", URN)
                .get(overrides + "?review=PENDING&pupilId=" + child)
                .then()
                .statusCode(200)
                .body("items.size()", is(1));
        as("auditor", URN).get(overrides).then().statusCode(200);
        as("staff", URN).get(overrides).then().statusCode(403);
        dpo(URN).get(overrides + "?review=someday").then().statusCode(400).body("errors.field", hasItem("review"));

        // only the DPO reviews, with an outcome and a note
        Map<String, Object> justified = Map.of(
                "outcome", "JUSTIFIED", "note", "Immediate risk confirmed with the DSL; MASH acted the same day.");
        as("safeguarding-lead", URN).body(justified).post(review).then().statusCode(403);
        dpo(URN).body(Map.of("outcome", "JUSTIFIED"))
                .post(review)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("note"));
        dpo(URN).body(Map.of("outcome", "PERHAPS", "note", "I am not sure at all"))
                .post(review)
                .then()
                .statusCode(400);
        dpo(URN).body(Map.of("outcome", "JUSTIFIED", "note", "ok"))
                .post(review)
                .then()
                .statusCode(400);
        dpo(URN).body(justified)
                .post(base(URN) + "/disclosures/" + UUID.randomUUID() + "/override-review")
                .then()
                .statusCode(404);

        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            dpo(URN).body(justified)
                    .post(review)
                    .then()
                    .statusCode(200)
                    .header("Idempotent-Replayed", nullValue())
                    .body("id", is(disclosure))
                    .body("review.status", is("JUSTIFIED"))
                    .body("review.outcome", is("JUSTIFIED"))
                    .body("review.note", is(justified.get("note")))
                    .body("review.reviewedBy", notNullValue())
                    .body("review.workingDaysLeft", nullValue())
                    .body("review.late", is(false));
            CloudEvent reviewed = CloudEventCodec.fromJson(sharing.await(
                            r -> r.value().contains(EventTypes.OVERRIDE_REVIEWED)
                                    && r.value().contains(disclosure),
                            Duration.ofSeconds(30))
                    .orElseThrow()
                    .value());
            assertThat(reviewed.data().path("outcome").asText()).isEqualTo("JUSTIFIED");
            assertThat(reviewed.data().toString()).doesNotContain("MASH acted");
        }
        dpo(URN).body(justified)
                .post(review)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", is("true"))
                .body("review.status", is("JUSTIFIED"));
        dpo(URN).body(Map.of("outcome", "NOT_JUSTIFIED", "note", "On reflection it was not an emergency."))
                .post(review)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        dpo(URN).body(Map.of("outcome", "JUSTIFIED", "note", "Another wording of the same finding."))
                .post(review)
                .then()
                .statusCode(409);

        dpo(URN).get(overrides + "?review=pending&pupilId=" + child).then().body("items", empty());
        dpo(URN).get(overrides + "?review=reviewed&pupilId=" + child).then().body("items.id", contains(disclosure));
        assertThat(audit("pupils/" + child))
                .filteredOn(a -> "disclosure.override-reviewed".equals(a.get("action")))
                .hasSize(1)
                .allSatisfy(a -> assertThat((String) a.get("detail")).contains("JUSTIFIED"));
        // a disclosure that is not an override has no review: the seeded local authority, on legal obligation
        String authority = dpo(URN).get(base(URN) + "/recipients?sector=CHILDRENS_SERVICES&limit=500")
                .then()
                .extract()
                .path("items.find { it.name == 'Local authority' }.id");
        Map<String, Object> statutory = ask(authority, List.of(child), "safeguarding");
        String ordinary = disclose("safeguarding-lead", statutory)
                .statusCode(200)
                .body("decisions[0].lawfulBasis", is("LEGAL_OBLIGATION"))
                .body("decisions[0].override", is(false))
                .extract()
                .path("decisions[0].disclosureId");
        dpo(URN).body(justified)
                .post(base(URN) + "/disclosures/" + ordinary + "/override-review")
                .then()
                .statusCode(404);
        dpo(URN).get(base(URN) + "/disclosures/" + ordinary).then().statusCode(200);
        as("safeguarding-lead", URN)
                .get(base(URN) + "/disclosures/" + ordinary)
                .then()
                .statusCode(200);
    }

    @Test
    void anUnreviewedOverrideGoesOverdueOnceAndTheDpoIsToldAgain() {
        String mash = childrensServices();
        restrictProcessing(mash);
        String disclosure =
                disclose("dpo", referral(mash, child)).statusCode(200).extract().path("decisions[0].disclosureId");
        String overrides = base(URN) + "/disclosures/overrides?pupilId=" + child;
        LocalDate due = LocalDate.parse(dpo(URN).get(overrides).then().extract().path("items[0].review.dueOn"));

        clock.setTo(due.atTime(12, 0).toInstant(ZoneOffset.UTC));
        job.run();
        dpo(URN).get(overrides)
                .then()
                .body("items[0].review.status", is("PENDING"))
                .body("items[0].review.workingDaysLeft", is(0));
        dpo(URN).get(overrides + "&review=overdue").then().body("items", empty());

        try (KafkaTestConsumer sharing = new KafkaTestConsumer(Topics.SHARING)) {
            clock.setTo(due.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
            assertThat(job.run()).isGreaterThanOrEqualTo(1);
            CloudEvent overdue = CloudEventCodec.fromJson(sharing.await(
                            r -> r.value().contains(EventTypes.OVERRIDE_REVIEW_OVERDUE)
                                    && r.value().contains(disclosure),
                            Duration.ofSeconds(30))
                    .orElseThrow()
                    .value());
            assertThat(overdue.data().path("reviewDueOn").asText()).isEqualTo(due.toString());
            assertThat(overdue.data().path("workingDaysOverdue").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(job.run()).as("once").isZero();
            assertThat(sharing.drain(Duration.ofSeconds(2)))
                    .filteredOn(r -> r.value().contains(EventTypes.OVERRIDE_REVIEW_OVERDUE)
                            && r.value().contains(disclosure))
                    .hasSize(1);
        }
        dpo(URN).get(overrides + "&review=overdue")
                .then()
                .body("items.id", contains(disclosure))
                .body("items[0].review.status", is("OVERDUE"))
                .body("items[0].review.workingDaysLeft", not(is(0)));
        dpo(URN).body(Map.of("outcome", "NOT_JUSTIFIED", "note", "No risk to life: consent should have been asked."))
                .post(base(URN) + "/disclosures/" + disclosure + "/override-review")
                .then()
                .statusCode(200)
                .body("review.status", is("NOT_JUSTIFIED"))
                .body("review.late", is(true));
        assertThat(audit("pupils/" + child))
                .extracting(a -> a.get("action"))
                .contains("disclosure.override", "disclosure.override-review-overdue", "disclosure.override-reviewed");
    }

    @Test
    void theSeededLocalAuthorityIsChildrensServicesAndEveryRecipientHasASector() {
        dpo(URN).get(base(URN) + "/recipients?sector=CHILDRENS_SERVICES&limit=500")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Local authority"));
        dpo(URN).get(base(URN) + "/recipients?sector=EDTECH&limit=500")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Wonde"));
        dpo(URN).get(base(URN) + "/recipients?sector=ROCKETRY").then().statusCode(400);
        String plain = dpo(URN).body(
                        Map.of("name", "No Sector Ltd " + UUID.randomUUID(), "kind", "OTHER", "country", "GB"))
                .post(base(URN) + "/recipients")
                .then()
                .statusCode(201)
                .body("sector", is("OTHER"))
                .extract()
                .path("id");
        dpo(URN).header("If-Match", "\"1\"")
                .body(Map.of("name", "No Sector Ltd", "kind", "OTHER", "country", "GB"))
                .put(base(URN) + "/recipients/" + plain)
                .then()
                .statusCode(200)
                .body("sector", is("OTHER"));
        dpo(URN).header("If-Match", "\"2\"")
                .body(Map.of("name", "Now Police", "kind", "STATUTORY_BODY", "sector", "POLICE", "country", "GB"))
                .put(base(URN) + "/recipients/" + plain)
                .then()
                .statusCode(200)
                .body("sector", is("POLICE"));
    }
}
