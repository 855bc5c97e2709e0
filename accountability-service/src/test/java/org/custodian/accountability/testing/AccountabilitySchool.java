package org.custodian.accountability.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.platform.events.CloudEvent;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.events.ConsentEvents;
import org.custodian.platform.events.EventTypes;
import org.custodian.platform.events.RetentionEvents;
import org.custodian.platform.events.RosterEvents;
import org.custodian.platform.events.SharingEvents;
import org.custodian.platform.events.Topics;
import org.custodian.testing.KafkaTestProducer;
import org.custodian.testing.SchoolFixture;
import org.custodian.testing.TestTokens;

/**
 * accountability-service's school of a test: a school of its own whose facts are announced the way their owners
 * announce them (through the real broker, from the owning service's source), and calls as a role.
 */
public final class AccountabilitySchool extends SchoolFixture {

    private AccountabilitySchool(String urn) {
        super(urn);
    }

    public static AccountabilitySchool newSchool() {
        return new AccountabilitySchool(randomUrn());
    }

    public RequestSpecification as(String role) {
        return given().header(
                        "Authorization",
                        "Bearer "
                                + TestTokens.role(role)
                                        .school(urn)
                                        .subject(role + "-1")
                                        .mint())
                .contentType("application/json");
    }

    public String notice(String relative) {
        return "/api/v1/schools/" + urn + "/privacy-notice" + relative;
    }

    // ---- facts, as their owners announce them ------------------------------------------------------------------

    public CloudEvent profile(String name, String dpoName, String dpoEmail) {
        return send(
                Topics.ROSTER,
                EventTypes.SCHOOL_UPDATED,
                new RosterEvents.SchoolUpdated(
                        urn,
                        name,
                        "MAINTAINED",
                        "ENGLAND_AND_WALES",
                        dpoName,
                        dpoEmail,
                        13,
                        "MOST_RESTRICTIVE",
                        "ENGLAND"));
    }

    public CloudEvent purpose(String code, int version, String title, String wording, List<String> categories) {
        return send(
                Topics.CONSENT,
                EventTypes.PURPOSE_CREATED,
                new ConsentEvents.PurposeDefined(
                        code,
                        version,
                        title,
                        wording,
                        "STANDARD",
                        categories,
                        null,
                        Instant.parse("2026-09-01T08:00:00Z").plusSeconds(version)));
    }

    public CloudEvent reworded(String code, int version, String title, String wording) {
        return send(
                Topics.CONSENT,
                EventTypes.PURPOSE_REWORDED,
                new ConsentEvents.Reworded(
                        code,
                        version,
                        true,
                        "STANDARD",
                        title,
                        wording,
                        Instant.parse("2026-10-01T08:00:00Z").plusSeconds(version)));
    }

    public CloudEvent recipient(String id, String name, String kind, String sector, long version) {
        return send(
                Topics.SHARING,
                EventTypes.RECIPIENT_CREATED,
                new SharingEvents.RecipientChanged(
                        id,
                        name,
                        kind,
                        sector,
                        "GB",
                        "ACTIVE",
                        null,
                        name + ", described",
                        false,
                        version,
                        Instant.parse("2026-09-01T08:00:00Z").plusSeconds(version)));
    }

    /** An agreement in force from 1 September 2026, with no end. */
    public CloudEvent agreement(
            String id,
            String recipientId,
            String name,
            List<String> categories,
            String basis,
            String country,
            long version) {
        return agreement(id, recipientId, name, categories, basis, country, null, version);
    }

    public CloudEvent agreement(
            String id,
            String recipientId,
            String name,
            List<String> categories,
            String basis,
            String country,
            LocalDate validTo,
            long version) {
        return send(
                Topics.SHARING,
                EventTypes.AGREEMENT_CREATED,
                new SharingEvents.AgreementChanged(
                        id,
                        recipientId,
                        name,
                        List.of("purpose-" + id),
                        categories,
                        basis,
                        "CONSENT".equals(basis) ? "PHOTO_WEBSITE" : null,
                        "LEGAL_OBLIGATION".equals(basis) ? "Education Act 1996 s.537A" : null,
                        null,
                        null,
                        "CONTROLLER",
                        null,
                        null,
                        LocalDate.parse("2026-09-01"),
                        validTo,
                        country,
                        country == null || country.equals("GB") ? null : "IDTA",
                        null,
                        false,
                        version,
                        Instant.parse("2026-09-01T08:00:00Z").plusSeconds(version)));
    }

    public CloudEvent rule(
            String recordClass, int version, String description, String period, List<String> categories) {
        return send(
                Topics.RETENTION,
                EventTypes.RETENTION_RULE_CHANGED,
                new RetentionEvents.RetentionRuleChanged(
                        recordClass,
                        version,
                        version == 0 ? "IRMS" : "SCHOOL_OVERRIDE",
                        description,
                        "LEFT_SCHOOL",
                        period,
                        "DESTROY",
                        "LEGAL_OBLIGATION",
                        "IRMS toolkit",
                        List.of(),
                        categories,
                        false,
                        null,
                        false,
                        Instant.parse("2026-09-01T08:00:00Z").plusSeconds(version)));
    }

    public CloudEvent holdingSystems(long version, java.util.Map<String, List<String>> systemsByClass) {
        return send(
                Topics.RETENTION,
                EventTypes.HOLDING_SYSTEMS_CHANGED,
                new RetentionEvents.HoldingSystemsChanged(
                        version,
                        systemsByClass,
                        Instant.parse("2026-09-01T08:00:00Z").plusSeconds(version)));
    }

    /** The school set up as a test expects: its profile, a recipient with a statutory agreement, a purpose, a rule. */
    public AccountabilitySchool setUp() {
        profile("Cassiobury Infant School", "Carole Smith", "carole@schooldposervice.example");
        recipient("r-dfe", "Department for Education", "STATUTORY_BODY", "CENTRAL_GOVERNMENT", 1);
        agreement(
                "a-census",
                "r-dfe",
                "School census (DfE)",
                List.of("IDENTITY", "ATTENDANCE"),
                "LEGAL_OBLIGATION",
                null,
                1);
        purpose(
                "PHOTO_WEBSITE",
                1,
                "Photos on the school website",
                "We would like to publish photographs.",
                List.of("PHOTOGRAPHS"));
        rule("ADMISSION_ATTENDANCE_REGISTERS", 0, "Admission and attendance registers", "P6Y", List.of("ATTENDANCE"));
        awaitFacts(5);
        return this;
    }

    public CloudEvent send(String topic, String type, Object data) {
        CloudEvent event =
                CloudEvent.aboutSchool(Topics.ownerOf(topic).orElseThrow(), type, urn, CloudEventCodec.toData(data));
        KafkaTestProducer.send(topic, event.partitionKey(), CloudEventCodec.toJson(event));
        return event;
    }

    /** Waits until the projection holds this many facts about the school. */
    public void awaitFacts(int facts) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM fact WHERE school_urn = ?", urn) >= facts);
    }

    /** Waits until a fact of the school is at a version. */
    public void awaitFact(String kind, String key, long version) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "SELECT count(*) FROM fact WHERE school_urn = ? AND kind = ? AND fact_key = ?"
                                        + " AND version >= ?",
                                urn,
                                kind,
                                key,
                                version)
                        == 1);
    }

    /** Publishes the draft as the DPO; the new version's number. */
    public int publish() {
        return as("dpo")
                .post(notice("/draft/publication"))
                .then()
                .statusCode(201)
                .extract()
                .path("version");
    }
}
