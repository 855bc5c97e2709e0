package org.custodian.sharing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.sharing.support.Api.agreementBody;
import static org.custodian.sharing.support.Api.as;
import static org.custodian.sharing.support.Api.ask;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.custodian.platform.events.EventTypes;
import org.custodian.sharing.support.Api;
import org.custodian.sharing.support.Events;
import org.custodian.sharing.support.SharingTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 through the API: the conditions an agreement must record (Art. 9(2) and DPA 2018 Sch. 1, contract, role,
 * partial adequacy), the seeded safeguarding agreement's Sch. 1 condition, and a real emergency with no agreement.
 */
@SharingTest
class SharingLawApiTest {

    static final String URN = "240024";
    static final String JUSTIFICATION = "Anaphylaxis at 13:05 on the field; paramedics need allergies and medication.";

    @Inject
    DataSource dataSource;

    String child;

    @BeforeEach
    void aChildOnRoll() {
        child = "P-" + UUID.randomUUID();
        Events.publish(Events.enrolled(URN, child));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !Api.reasons(URN, anyRecipient(), child, "x").contains("PUPIL_NOT_ON_ROSTER"));
    }

    private static String anyRecipient() {
        return recipient("Probe", "CONTROLLER", "OTHER", "GB");
    }

    private static String recipient(String name, String kind, String sector, String country) {
        return dpo(URN).body(Map.of(
                        "name", name + " " + UUID.randomUUID(), "kind", kind, "sector", sector, "country", country))
                .post(base(URN) + "/recipients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static io.restassured.response.ValidatableResponse create(Map<String, Object> body) {
        return dpo(URN).body(body).post(base(URN) + "/agreements").then();
    }

    @Test
    void theSeededSafeguardingAgreementCarriesSchedule1Paragraph18AndTheCensusParagraph6() {
        dpo(URN).get(base(URN) + "/agreements?lawfulBasis=LEGAL_OBLIGATION&limit=500")
                .then()
                .statusCode(200)
                .body(
                        "items.find { it.purposes == ['safeguarding'] }.schedule1Condition",
                        is("SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK"))
                .body(
                        "items.find { it.purposes == ['safeguarding'] }.specialCategoryCondition",
                        is("SUBSTANTIAL_PUBLIC_INTEREST"))
                .body(
                        "items.find { it.purposes == ['census'] }.schedule1Condition",
                        is("STATUTORY_AND_GOVERNMENT_PURPOSES"))
                .body("items.restrictionGround", hasItem("IMPORTANT_PUBLIC_INTEREST"));
    }

    @Test
    void specialCategoryDataWithoutAnArt9ConditionIsA400NamingTheField() {
        String nurse = recipient("School nursing", "CONTROLLER", "HEALTH", "GB");
        Map<String, Object> body =
                agreementBody(nurse, "PUBLIC_TASK", "nursing", "dataCategories", List.of("IDENTITY", "MEDICAL"));
        body.remove("specialCategoryCondition");
        body.remove("schedule1Condition");
        create(body).statusCode(400).body("errors.field", hasItem("specialCategoryCondition"));
        // Art. 9(2)(h) needs a Sch. 1 Part 1 condition; para 18 is Part 2
        body.put("specialCategoryCondition", "HEALTH_OR_SOCIAL_CARE");
        body.put("schedule1Condition", "SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK");
        create(body).statusCode(400).body("errors.field", hasItem("schedule1Condition"));
        body.put("schedule1Condition", "HEALTH_OR_SOCIAL_CARE");
        create(body).statusCode(201).body("schedule1Condition", is("HEALTH_OR_SOCIAL_CARE"));
    }

    @Test
    void legitimateInterestsIsRefusedForAMaintainedSchoolAndContractNeedsAContractWithThePupil() {
        String charity = recipient("Alumni charity", "CONTROLLER", "OTHER", "GB");
        create(agreementBody(charity, "LEGITIMATE_INTERESTS", "alumni"))
                .statusCode(400)
                .body("errors.field", hasItem("lawfulBasis"))
                .body("errors.message", hasItem(containsString("public authority")));
        String photographer = recipient("Tempest Photography", "PROCESSOR", "SUPPLIER", "GB");
        Map<String, Object> contract = agreementBody(photographer, "CONTRACT", "school-photos");
        contract.remove("dataSubjectContract");
        contract.remove("recipientRole");
        create(contract)
                .statusCode(400)
                .body("errors.field", hasItem("dataSubjectContract"))
                .body("errors.field", hasItem("recipientRole"));
        // the photographer is the school's processor under its public task; the role defaults from the recipient's kind
        create(agreementBody(photographer, "PUBLIC_TASK", "school-photos"))
                .statusCode(201)
                .body("recipientRole", is("PROCESSOR"));
    }

    /** The contract with the pupil is stored without the spaces around it; a blank one is no contract. */
    @Test
    void theContractWithThePupilIsStoredStrippedAndABlankOneIsNone() {
        String trips = recipient("School trips", "CONTROLLER", "OTHER", "GB");
        create(agreementBody(
                        trips,
                        "CONTRACT",
                        "trips",
                        "dataSubjectContract",
                        "  Trip booking terms signed by the parent  "))
                .statusCode(201)
                .body("dataSubjectContract", is("Trip booking terms signed by the parent"));
        create(agreementBody(trips, "CONTRACT", "trips", "dataSubjectContract", "   "))
                .statusCode(400)
                .body("errors.field", hasItem("dataSubjectContract"));
        create(agreementBody(trips, "PUBLIC_TASK", "trips", "dataSubjectContract", " "))
                .statusCode(201)
                .body("dataSubjectContract", nullValue());
    }

    @Test
    void aUsPlatformOnAdequacyMustRecordItsUkExtensionCertification() {
        String platform = recipient("US platform", "PROCESSOR", "EDTECH", "US");
        Map<String, Object> body = agreementBody(platform, "PUBLIC_TASK", "platform", "transferSafeguard", "ADEQUACY");
        create(body).statusCode(400).body("errors.field", hasItem("adequacyScheme"));
        body.put("adequacyScheme", "PIPEDA");
        create(body).statusCode(400).body("errors.field", hasItem("adequacyScheme"));
        body.put("adequacyScheme", "UK_EXTENSION_DPF");
        create(body).statusCode(201).body("adequacyScheme", is("UK_EXTENSION_DPF"));
    }

    @Test
    void theSafeguardingLeadReachesTheAmbulanceWithNoAgreementRecordedJustifiedAndPutBeforeTheDpo() throws Exception {
        String ambulance = recipient("East of England Ambulance", "CONTROLLER", "EMERGENCY_SERVICES", "GB");
        Map<String, Object> body = ask(ambulance, List.of(child), "emergency", "emergencyJustification", JUSTIFICATION);
        body.put("dataCategories", List.of("IDENTITY", "MEDICAL"));
        String disclosure = as("safeguarding-lead", URN)
                .body(body)
                .post(base(URN) + "/disclosures")
                .then()
                .statusCode(200)
                .body("decisions[0].outcome", is("ALLOWED"))
                .body("decisions[0].lawfulBasis", is("VITAL_INTERESTS"))
                .body("decisions[0].agreementId", nullValue())
                .body("decisions[0].override", is(true))
                .body("decisions[0].overridden", contains("NO_AGREEMENT"))
                .body("decisions[0].grounds.specialCategory", is("VITAL_INTERESTS"))
                .extract()
                .path("decisions[0].disclosureId");
        dpo(URN).get(base(URN) + "/disclosures/" + disclosure)
                .then()
                .statusCode(200)
                .body("agreementId", nullValue())
                .body("overrideJustification", is(JUSTIFICATION))
                .body("specialCategoryCondition", is("VITAL_INTERESTS"));
        dpo(URN).get(base(URN) + "/disclosures/overrides?review=pending&pupilId=" + child)
                .then()
                .statusCode(200)
                .body("items[0].review.dueOn", notNullValue());
        assertThat(outboxTypes(child)).contains(EventTypes.OVERRIDE_MADE);
        // staff may not; nor may anyone send it to the press
        as("staff", URN).body(body).post(base(URN) + "/disclosures").then().statusCode(403);
        String paper = recipient("Watford Observer", "CONTROLLER", "PRESS", "GB");
        Map<String, Object> press = new HashMap<>(body);
        press.put("recipientId", paper);
        as("dpo", URN).body(press).post(base(URN) + "/disclosures").then().statusCode(422);
    }

    @Test
    void aHospitalAbroadOnATripGetsTheDataUnderAnArt49DerogationRecordedInTheLog() {
        String clinic = recipient("Trip clinic", "CONTROLLER", "HEALTH", "IN");
        create(agreementBody(clinic, "PUBLIC_TASK", "trip-medical", "dataCategories", List.of("IDENTITY")))
                .statusCode(400)
                .body("errors.field", hasItem("transferSafeguard"));
        Map<String, Object> emergency =
                ask(clinic, List.of(child), "trip-medical", "emergencyJustification", JUSTIFICATION);
        String id = as("dpo", URN)
                .body(emergency)
                .post(base(URN) + "/disclosures")
                .then()
                .statusCode(200)
                .body("decisions[0].outcome", is("ALLOWED"))
                .body("decisions[0].grounds.transferDerogation", is("VITAL_INTERESTS"))
                .extract()
                .path("decisions[0].disclosureId");
        dpo(URN).get(base(URN) + "/disclosures/" + id).then().body("transferDerogation", is("VITAL_INTERESTS"));
    }

    private List<String> outboxTypes(String pupil) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT event_type FROM outbox_event WHERE event_key = ?")) {
            s.setString(1, URN + ":" + pupil);
            try (ResultSet r = s.executeQuery()) {
                List<String> types = new java.util.ArrayList<>();
                while (r.next()) {
                    types.add(r.getString(1));
                }
                return types;
            }
        }
    }
}
