package org.custodian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.systemtests.support.School.decisionFor;
import static org.custodian.systemtests.support.School.parentOf;
import static org.custodian.systemtests.support.School.pupil;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.custodian.systemtests.support.EventLog;
import org.custodian.systemtests.support.School;
import org.custodian.systemtests.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, the partner side. A parent grants "photos in the local press", the school shares a photo with the local
 * newspaper, and then the same consent is withdrawn three times (by one parent, by the other, and by the first again).
 * Consent-service records every decision, but only the first withdrawal changes anything effective: the newspaper gets
 * one {@code consent.withdrawn} webhook and one {@code STOP_USING} action, not three, and the
 * school sees one action to chase.
 */
class RepeatedWithdrawalStory {

    static final String AVA = "P-AVA", MUM = "G-AVA-MUM", DAD = "G-AVA-DAD";

    @Test
    void theSameConsentWithdrawnThreeTimesTellsThePartnerOnceAndOpensOneAction() {
        School school = School.fresh();
        school.syncRoster(
                List.of(pupil(AVA, "Ava", 9, 4)), List.of(parentOf(MUM, "MOTHER", AVA), parentOf(DAD, "FATHER", AVA)));
        JsonNode receipt = school.parentDecides(MUM, AVA, "PHOTO_PRESS", "GRANTED");
        assertThat(receipt.path("effectiveStatus").asText()).isEqualTo("GRANTED");

        try (WebhookReceiver newspaper = new WebhookReceiver()) {
            String paper = school.addRecipient("Herts Advertiser", "CONTROLLER");
            school.consentAgreement(
                    paper, "Photos in the local press", "press-photos", "PHOTO_PRESS", "PHOTOGRAPHS", "IDENTITY");
            school.webhookEndpoint(paper, newspaper, "consent.withdrawn", "disclosure.made");
            await("sharing-service sees Ava's press-photo consent")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> decisionFor(
                                    school.sharingCheck(paper, "press-photos", List.of(AVA), "PHOTOGRAPHS"), AVA)
                            .path("outcome")
                            .asText()
                            .equals("ALLOWED"));
            JsonNode disclosed = school.disclose(paper, "press-photos", List.of(AVA), "PHOTOGRAPHS");
            assertThat(decisionFor(disclosed, AVA).path("outcome").asText()).isEqualTo("ALLOWED");
            await("the newspaper is told of the disclosure")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> !newspaper.processed("disclosure.made").isEmpty());

            try (EventLog consentEvents = new EventLog("custodian.consent.v1", school.urn)) {
                // the same consent withdrawn three times: each decision is recorded and leaves it withdrawn
                List<String> by = List.of(DAD, MUM, DAD);
                List<JsonNode> receipts = new ArrayList<>();
                for (String guardian : by) {
                    receipts.add(school.parentDecides(guardian, AVA, "PHOTO_PRESS", "WITHDRAWN"));
                }
                assertThat(receipts)
                        .allMatch(r -> r.path("effectiveStatus").asText().equals("WITHDRAWN"));

                await("the newspaper is told of the withdrawal")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> !newspaper.processed("consent.withdrawn").isEmpty());
                await("the withdrawals reach Kafka")
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> !consentEvents.ofType("consent.withdrawn").isEmpty());
                // however many of the repeats consent-service publishes, once sharing-service has applied them they
                // have told no one
                await("the repeated withdrawals send nothing more")
                        .during(Duration.ofSeconds(5))
                        .atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> newspaper.processed("consent.withdrawn").size() == 1
                                && actionsAbout(school, AVA).size() == 1);
            }

            // one webhook, signed, about Ava's press-photo consent, with the one action it opened
            List<WebhookReceiver.Received> told = newspaper.processed("consent.withdrawn");
            assertThat(told).hasSize(1);
            WebhookReceiver.Received message = told.get(0);
            assertThat(message.verified()).isTrue();
            assertThat(message.data().path("pupilId").asText()).isEqualTo(AVA);
            assertThat(message.data().path("consentPurpose").asText()).isEqualTo("PHOTO_PRESS");
            String action = message.data().path("action").path("id").asText();
            assertThat(action).isNotBlank();

            // the partner sees one action, the one the webhook named; so does the school
            JsonNode mine = school.partner(paper)
                    .get(school.path("/partner-actions?limit=500&pupilId=" + AVA))
                    .json(200);
            assertThat(mine.path("items")).hasSize(1);
            assertThat(mine.path("items").get(0).path("id").asText()).isEqualTo(action);
            assertThat(mine.path("items").get(0).path("kind").asText()).isEqualTo("STOP_USING");
            List<JsonNode> schoolSees = actionsAbout(school, AVA);
            assertThat(schoolSees).hasSize(1);
            assertThat(schoolSees.get(0).path("id").asText()).isEqualTo(action);
        }
    }

    /** The partner actions about a pupil, as the school's DPO lists them. */
    private static List<JsonNode> actionsAbout(School school, String pupilId) {
        List<JsonNode> items = new ArrayList<>();
        school.dpo
                .get(school.path("/partner-actions?limit=500&pupilId=" + pupilId))
                .json(200)
                .path("items")
                .forEach(items::add);
        return items;
    }
}
