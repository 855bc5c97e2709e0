package org.custodian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.systemtests.support.Api.object;
import static org.custodian.systemtests.support.Api.texts;
import static org.custodian.systemtests.support.School.decisionFor;
import static org.custodian.systemtests.support.School.holding;
import static org.custodian.systemtests.support.School.parentOf;
import static org.custodian.systemtests.support.School.pupil;
import static org.custodian.systemtests.support.School.request;
import static org.custodian.systemtests.support.Stack.LONDON;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.custodian.systemtests.support.Effects;
import org.custodian.systemtests.support.EventLog;
import org.custodian.systemtests.support.School;
import org.custodian.systemtests.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Story 4. Rights that reach beyond the school (UK GDPR Art. 17, 18, 19): an approved erasure tells every recipient of
 * the consent-based data and brings its retention forward while statutory records stay, with the reason; an approved
 * restriction stops consent-based sharing but not the census the law requires, until it is lifted.
 */
class ErasureAndRestrictionStory {

    static final String ELI = "P-ELI", ELI_MUM = "G-ELI-MUM", RAY = "P-RAY", RAY_DAD = "G-RAY-DAD";

    @Test
    void anApprovedErasureReachesEveryRecipientAndRetentionKeepsOnlyWhatTheLawRequires() {
        School school = School.fresh();
        school.syncRoster(List.of(pupil(ELI, "Eli", 8, 3)), List.of(parentOf(ELI_MUM, "MOTHER", ELI)));
        school.parentDecides(ELI_MUM, ELI, "PHOTO_PRESS", "GRANTED");
        school.parentDecides(ELI_MUM, ELI, "EDTECH_APPS", "GRANTED");

        try (WebhookReceiver paperRx = new WebhookReceiver();
                WebhookReceiver platformRx = new WebhookReceiver();
                WebhookReceiver dfeRx = new WebhookReceiver()) {
            String paper = school.addRecipient("Watford Observer", "CONTROLLER");
            school.consentAgreement(paper, "Photos in the local press", "press-photos", "PHOTO_PRESS", "PHOTOGRAPHS");
            String platform = school.seededRecipient("Discovery Education");
            school.consentAgreement(
                    platform, "Learning platform", "learning-platform", "EDTECH_APPS", "IDENTITY", "ASSESSMENT");
            String dfe = school.seededRecipient("Department for Education");
            school.webhookEndpoint(paper, paperRx, "erasure.requested");
            school.webhookEndpoint(platform, platformRx, "erasure.requested");
            school.webhookEndpoint(dfe, dfeRx, "erasure.requested");

            // Eli's data goes to all three, two of them on his mother's consent, the census by law
            awaitAllowed(school, platform, "learning-platform", ELI, "IDENTITY");
            awaitAllowed(school, paper, "press-photos", ELI, "PHOTOGRAPHS");
            assertAllowed(school.disclose(paper, "press-photos", List.of(ELI), "PHOTOGRAPHS"), ELI, "CONSENT");
            assertAllowed(
                    school.disclose(platform, "learning-platform", List.of(ELI), "IDENTITY", "ASSESSMENT"),
                    ELI,
                    "CONSENT");
            assertAllowed(
                    school.disclose(dfe, "census", List.of(ELI), "IDENTITY", "ATTENDANCE"), ELI, "LEGAL_OBLIGATION");

            LocalDate today = LocalDate.now(LONDON), entered = today.minusMonths(2);
            school.registerHoldings(List.of(
                    holding("PHOTOGRAPHS_AND_RECORDINGS", ELI, "PHOTO-ELI-CLASS", entered, "PHOTO_PRESS"),
                    holding("ADMISSION_ATTENDANCE_REGISTERS", ELI, "ATT-ELI", entered, null)));
            assertThat(school.holdingOf(ELI, "PHOTO-ELI-CLASS").path("dueOn").isNull())
                    .isTrue();

            try (EventLog rights = new EventLog("custodian.rights.v1", school.urn)) {
                // his mother asks for the consent-based data to be erased; the DPO approves
                String id = school.makeRequest(
                                school.parent(ELI_MUM),
                                request("ERASURE", ELI, "Please erase the photos and app data you hold on my consent."))
                        .json(201)
                        .path("id")
                        .asText();
                school.step(
                        id,
                        "identity-verification",
                        object().put("decision", "NOT_REQUIRED").put("note", "known parent, portal login"));
                JsonNode decided = school.step(
                        id,
                        "decision",
                        object().put("outcome", "APPROVED")
                                .put("consentBasedOnly", true)
                                .put("reason", "Consent withdrawn; nothing else requires the consent-based data."));
                assertThat(decided.path("status").asText()).isEqualTo("COMPLETED");

                Effects.of("the approved erasure (story 4)")
                        .expect(
                                "the newspaper receives erasure.requested",
                                () -> !paperRx.processed("erasure.requested").isEmpty())
                        .expect(
                                "the learning platform receives erasure.requested",
                                () -> !platformRx.processed("erasure.requested").isEmpty())
                        .expect(
                                "retention brings the photographs forward",
                                () -> school.holdingOf(ELI, "PHOTO-ELI-CLASS").hasNonNull("dueOn"))
                        .await(Duration.ofSeconds(20));

                for (WebhookReceiver rx : List.of(paperRx, platformRx)) {
                    List<WebhookReceiver.Received> told = rx.processed("erasure.requested");
                    assertThat(told).hasSize(1);
                    assertThat(told.get(0).verified()).isTrue();
                    assertThat(told.get(0).data().path("pupilId").asText()).isEqualTo(ELI);
                    assertThat(told.get(0).data().path("rightsRequestId").asText())
                            .isEqualTo(id);
                    assertThat(told.get(0).data().path("consentBasedOnly").asBoolean())
                            .isTrue();
                }
                assertThat(texts(platformRx
                                .processed("erasure.requested")
                                .get(0)
                                .data()
                                .path("dataCategoriesReceived")))
                        .containsExactlyInAnyOrder("IDENTITY", "ASSESSMENT");
                // the census rests on a legal obligation: the DfE is not asked to erase (the erasure is of
                // consent-based data)
                Effects.sleep(1500);
                assertThat(dfeRx.processed("erasure.requested")).isEmpty();

                JsonNode photos = school.holdingOf(ELI, "PHOTO-ELI-CLASS");
                assertThat(photos.path("dueOn").asText()).isEqualTo(today.toString());
                assertThat(photos.path("dueAction").asText()).isEqualTo("DESTROY");
                JsonNode register = school.holdingOf(ELI, "ATT-ELI");
                assertThat(register.path("dueOn").asText())
                        .isEqualTo(entered.plusYears(6).toString());
                assertThat(register.path("erasureNote").asText()).isNotBlank();

                List<JsonNode> approved = rights.ofType("erasure.approved");
                assertThat(approved).hasSize(1);
                assertThat(approved.get(0).path("data").path("consentBasedOnly").asBoolean())
                        .isTrue();
            }
        }
    }

    @Test
    void aRestrictionStopsConsentBasedSharingButNotTheCensusUntilItIsLifted() {
        School school = School.fresh();
        school.syncRoster(List.of(pupil(RAY, "Ray", 8, 3)), List.of(parentOf(RAY_DAD, "FATHER", RAY)));
        school.parentDecides(RAY_DAD, RAY, "PHOTO_PRESS", "GRANTED");
        try (WebhookReceiver paperRx = new WebhookReceiver()) {
            String paper = school.addRecipient("Watford Observer", "CONTROLLER");
            school.consentAgreement(paper, "Photos in the local press", "press-photos", "PHOTO_PRESS", "PHOTOGRAPHS");
            school.webhookEndpoint(paper, paperRx, "processing.restricted", "processing.unrestricted");
            String dfe = school.seededRecipient("Department for Education");
            awaitAllowed(school, paper, "press-photos", RAY, "PHOTOGRAPHS");
            assertAllowed(school.disclose(paper, "press-photos", List.of(RAY), "PHOTOGRAPHS"), RAY, "CONSENT");

            // Ray's father contests the accuracy of what is held: processing is restricted while it is checked
            String id = school.makeRequest(
                            school.parent(RAY_DAD),
                            request("RESTRICTION", RAY, "Please stop using Ray's data while you check it."))
                    .json(201)
                    .path("id")
                    .asText();
            school.step(id, "identity-verification", object().put("decision", "NOT_REQUIRED"));
            school.step(
                    id,
                    "decision",
                    object().put("outcome", "APPROVED").put("reason", "Accuracy contested (Art. 18(1)(a))."));

            Effects.of("the approved restriction (story 4)")
                    .expect(
                            "sharing refuses the consent-based disclosure",
                            () -> texts(decisionFor(
                                                    school.sharingCheck(
                                                            paper, "press-photos", List.of(RAY), "PHOTOGRAPHS"),
                                                    RAY)
                                            .path("reasons"))
                                    .contains("PROCESSING_RESTRICTED"))
                    .expect(
                            "the newspaper receives processing.restricted",
                            () -> !paperRx.processed("processing.restricted").isEmpty())
                    .await(Duration.ofSeconds(20));
            JsonNode refused = decisionFor(school.disclose(paper, "press-photos", List.of(RAY), "PHOTOGRAPHS"), RAY);
            assertThat(refused.path("outcome").asText()).isEqualTo("REFUSED");
            assertThat(texts(refused.path("reasons"))).containsExactly("PROCESSING_RESTRICTED");
            // the census goes on under its recorded Art. 18(2) ground (important public interest): a restriction does
            // not stop it
            assertAllowed(
                    school.disclose(dfe, "census", List.of(RAY), "IDENTITY", "ATTENDANCE"), RAY, "LEGAL_OBLIGATION");
            assertThat(paperRx.processed("processing.restricted").get(0).verified())
                    .isTrue();

            // the check is done: lifting the restriction restores sharing
            school.step(id, "restriction-lift", object().put("reason", "Records checked and found accurate."));
            Effects.of("the lifted restriction (story 4)")
                    .expect(
                            "sharing allows again",
                            () -> decisionFor(
                                            school.sharingCheck(paper, "press-photos", List.of(RAY), "PHOTOGRAPHS"),
                                            RAY)
                                    .path("outcome")
                                    .asText()
                                    .equals("ALLOWED"))
                    .expect(
                            "the newspaper receives processing.unrestricted",
                            () -> !paperRx.processed("processing.unrestricted").isEmpty())
                    .await(Duration.ofSeconds(20));
            assertAllowed(school.disclose(paper, "press-photos", List.of(RAY), "PHOTOGRAPHS"), RAY, "CONSENT");
            assertThat(paperRx.all()).allMatch(WebhookReceiver.Received::verified);
        }
    }

    static void awaitAllowed(School school, String recipient, String purpose, String pupilId, String... categories) {
        await(pupilId + " may go to " + purpose)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> decisionFor(school.sharingCheck(recipient, purpose, List.of(pupilId), categories), pupilId)
                        .path("outcome")
                        .asText()
                        .equals("ALLOWED"));
    }

    static void assertAllowed(JsonNode answer, String pupilId, String basis) {
        JsonNode decision = decisionFor(answer, pupilId);
        assertThat(decision.path("outcome").asText()).as(decision.toString()).isEqualTo("ALLOWED");
        assertThat(decision.path("lawfulBasis").asText()).isEqualTo(basis);
    }
}
