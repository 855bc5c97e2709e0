package org.custodian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.systemtests.support.Api.object;
import static org.custodian.systemtests.support.School.parentOf;
import static org.custodian.systemtests.support.School.pupil;
import static org.custodian.systemtests.support.School.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.systemtests.support.Api;
import org.custodian.systemtests.support.School;
import org.custodian.systemtests.support.Stack;
import org.custodian.systemtests.support.Tokens;
import org.custodian.systemtests.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Story 5. The walls (DESIGN.md §5): another school is 403, another family's child and everything about it is 404 (as
 * if it did not exist), a partner reads only its own deliveries, and a token that is expired, unsigned or signed by
 * the wrong key is 401 at the gateway and at each service directly (the gateway is not the only wall); so is a token
 * that claims the role service, or is signed with the service-token key, unless it is a genuine service token, which
 * the gateway refuses and a service accepts on its internal routes only.
 */
class WallsStory {

    static final String ANN = "P-ANN", BOB = "P-BOB", ANN_MUM = "G-ANN-MUM", BOB_DAD = "G-BOB-DAD";

    @Test
    void staffOfOneSchoolAreForbiddenAnotherSchool() {
        School a = School.fresh(), b = School.fresh();
        b.syncRoster(List.of(pupil(BOB, "Bob", 8, 3)), List.of(parentOf(BOB_DAD, "FATHER", BOB)));
        for (String path :
                List.of("/pupils", "/pupils/" + BOB, "/requests", "/holdings", "/recipients", "/consent-checks")) {
            Api.Reply reply = path.equals("/consent-checks")
                    ? a.staff.post(b.path(path), "{\"pupils\":[\"" + BOB + "\"],\"purposes\":[\"PHOTO_PRESS\"]}")
                    : a.staff.get(b.path(path));
            assertThat(reply.status())
                    .as("school A's teacher on school B's " + path)
                    .isEqualTo(403);
            assertProblem(reply);
        }
        // the services hold the same wall without the gateway
        for (Map.Entry<String, String> service : Stack.services().entrySet()) {
            String path = switch (service.getKey()) {
                case "consent" -> "/pupils";
                case "sar" -> "/requests";
                case "sharing" -> "/recipients";
                case "accountability" -> "/privacy-notice/draft";
                default -> "/holdings";
            };
            assertThat(a.dpo.at(service.getValue()).get(b.path(path)).status())
                    .as(service.getKey() + " directly")
                    .isEqualTo(403);
        }
        // and school B's own teacher reads it
        assertThat(Api.as(Tokens.mint("staff", "teacher-b", b.urn))
                        .get(b.path("/pupils/" + BOB))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aParentFindsNothingOfAnotherFamily() {
        School school = School.fresh();
        school.syncRoster(
                List.of(pupil(ANN, "Ann", 8, 3), pupil(BOB, "Bob", 8, 3)),
                List.of(parentOf(ANN_MUM, "MOTHER", ANN), parentOf(BOB_DAD, "FATHER", BOB)));
        String bobsDecision = school.parentDecides(BOB_DAD, BOB, "PHOTO_DISPLAY", "GRANTED")
                .path("receiptId")
                .asText();
        String bobsRequest = school.makeRequest(school.parent(BOB_DAD), request("ACCESS", BOB, "All about Bob."))
                .json(201)
                .path("id")
                .asText();
        String annsDecision = school.parentDecides(ANN_MUM, ANN, "PHOTO_DISPLAY", "GRANTED")
                .path("receiptId")
                .asText();
        String annsRequest = school.makeRequest(school.parent(ANN_MUM), request("ACCESS", ANN, "All about Ann."))
                .json(201)
                .path("id")
                .asText();
        Api mum = school.parent(ANN_MUM);

        // her own child, her own request and her own receipt: there
        assertThat(mum.get(school.path("/pupils/" + ANN)).status()).isEqualTo(200);
        assertThat(mum.get(school.path("/pupils/" + ANN + "/consents/" + annsDecision))
                        .status())
                .isEqualTo(200);
        assertThat(mum.get(school.path("/requests/" + annsRequest)).status()).isEqualTo(200);

        // the other family's child, request and receipts: not found, exactly like something that does not exist
        List<Api.Reply> others = List.of(
                mum.get(school.path("/pupils/" + BOB)),
                mum.get(school.path("/pupils/" + BOB + "/consents")),
                mum.get(school.path("/pupils/" + BOB + "/consents/" + bobsDecision)),
                mum.get(school.path("/pupils/" + ANN + "/consents/" + bobsDecision)),
                mum.post(
                        school.path("/pupils/" + BOB + "/consents"),
                        School.decision("PHOTO_DISPLAY", "WITHDRAWN", ANN_MUM)),
                mum.get(school.path("/requests/" + bobsRequest)),
                mum.get(school.path("/requests/" + bobsRequest + "/bundle")),
                mum.post(school.path("/requests/" + bobsRequest + "/withdrawal"), object()),
                mum.post(school.path("/requests"), request("ACCESS", BOB, "Bob's data, please.")));
        for (Api.Reply reply : others) {
            assertThat(reply.status()).as(reply.call()).isEqualTo(404);
            assertProblem(reply);
        }
        Api.Reply nothing = mum.get(school.path("/pupils/P-NOBODY"));
        assertThat(others.get(0).json().path("title").asText())
                .isEqualTo(nothing.json().path("title").asText());
        // her list of requests holds only her own; /me lists only her child
        assertThat(Api.texts(mum.get(school.path("/requests")).json(200).path("items"), "id"))
                .containsExactly(annsRequest);
        assertThat(mum.get("/api/v1/me").json(200).toString()).contains(ANN).doesNotContain(BOB);
        // Bob's father's request was not withdrawn by her
        assertThat(school.dpo
                        .get(school.path("/requests/" + bobsRequest))
                        .json(200)
                        .path("status")
                        .asText())
                .isEqualTo("RECEIVED");
    }

    @Test
    void aPartnerReadsOnlyItsOwnDeliveries() {
        School school = School.fresh();
        try (WebhookReceiver wondeRx = new WebhookReceiver();
                WebhookReceiver discoveryRx = new WebhookReceiver()) {
            String wonde = school.seededRecipient("Wonde"), discovery = school.seededRecipient("Discovery Education");
            String wondeEndpoint = school.webhookEndpoint(wonde, wondeRx, "consent.withdrawn");
            String discoveryEndpoint = school.webhookEndpoint(discovery, discoveryRx, "consent.withdrawn");
            for (String[] e :
                    List.of(new String[] {wonde, wondeEndpoint}, new String[] {discovery, discoveryEndpoint})) {
                school.dpo
                        .post(school.path("/recipients/" + e[0] + "/webhook-endpoints/" + e[1] + "/test"), "")
                        .expect(202);
            }
            await("both test pings delivered")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> !wondeRx.processed("webhook.test").isEmpty()
                            && !discoveryRx.processed("webhook.test").isEmpty());

            Api partner = school.partner(wonde);
            String own = school.path("/recipients/" + wonde + "/webhook-endpoints/" + wondeEndpoint + "/deliveries");
            await("Wonde's delivery is recorded")
                    .atMost(Duration.ofSeconds(10))
                    .until(() ->
                            partner.get(own).json(200).path("items").toString().contains("SUCCEEDED"));
            JsonNode deliveries = partner.get(own).json(200).path("items");
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).path("eventType").asText()).isEqualTo("webhook.test");
            assertThat(partner.get(own + "/" + deliveries.get(0).path("id").asText())
                            .status())
                    .isEqualTo(200);

            // its own endpoint is open to it (self-service, issue 17); another partner's is not there for Wonde
            assertThat(partner.get(school.path("/recipients/" + wonde + "/webhook-endpoints/" + wondeEndpoint))
                            .json(200)
                            .path("id")
                            .asText())
                    .isEqualTo(wondeEndpoint);
            assertThat(partner.get(school.path("/recipients/" + discovery + "/webhook-endpoints/" + discoveryEndpoint))
                            .status())
                    .isEqualTo(404);
            // another partner's deliveries do not exist for Wonde; nothing else is open to a partner
            String theirs =
                    school.path("/recipients/" + discovery + "/webhook-endpoints/" + discoveryEndpoint + "/deliveries");
            assertThat(partner.get(theirs).status()).isEqualTo(404);
            assertThat(partner.get(school.path(
                                    "/recipients/" + wonde + "/webhook-endpoints/" + discoveryEndpoint + "/deliveries"))
                            .status())
                    .isEqualTo(404);
            List<Api.Reply> closed = List.of(
                    partner.get(school.path("/recipients")),
                    partner.get(school.path("/disclosures")),
                    partner.get(school.path("/pupils")),
                    partner.get(school.path("/holdings")),
                    partner.post(own + "/" + deliveries.get(0).path("id").asText() + "/replay", ""));
            for (Api.Reply reply : closed) {
                assertThat(reply.status()).as(reply.call()).isEqualTo(403);
            }
            // and only for its own school
            School other = School.fresh();
            assertThat(partner.get(other.path(
                                    "/recipients/" + wonde + "/webhook-endpoints/" + wondeEndpoint + "/deliveries"))
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    void badTokensAreRefusedByTheGatewayAndByEachService() {
        School school = School.fresh();
        Map<String, String> bad = Map.of(
                "expired", Tokens.expired("dpo", "dpo-" + school.urn, school.urn),
                "unsigned", Tokens.unsigned("dpo", "dpo-" + school.urn, school.urn),
                "wrongly signed", Tokens.wronglySigned("dpo", "dpo-" + school.urn, school.urn),
                "not a JWT", "not-a-token",
                // issue 16, findings 4 and 5, with the stack's own keys
                "a parent's claiming the role service", Tokens.claimingService("parent", "G-1", school.urn),
                "a dpo's signed with the service-token key",
                        Tokens.signedWithServiceKey("dpo", "dpo-" + school.urn, school.urn),
                "a service token claiming dpo", Tokens.serviceToken(List.of("dpo"), school.urn));
        Map<String, String> paths = Map.of(
                "consent",
                "/pupils",
                "sar",
                "/requests",
                "sharing",
                "/recipients",
                "retention",
                "/holdings",
                "accountability",
                "/privacy-notice/draft");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> token : bad.entrySet()) {
            for (Map.Entry<String, String> service : Stack.services().entrySet()) {
                String path = school.path(paths.get(service.getKey()));
                Api.Reply viaGateway = Api.as(token.getValue()).get(path);
                Api.Reply direct =
                        Api.as(token.getValue()).at(service.getValue()).get(path);
                for (Api.Reply reply : List.of(viaGateway, direct)) {
                    String where = token.getKey() + " token, " + service.getKey()
                            + (reply == direct ? " directly" : " through the gateway");
                    if (reply.status() != 401
                            || !reply.header("Content-Type").orElse("").startsWith("application/problem+json")) {
                        failures.add(where + ": " + reply.status() + " " + reply.text());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        // a genuine service token: the gateway does not trust it at all, and a service takes it on /internal only
        Api internal = Api.as(Tokens.serviceToken(List.of("service"), school.urn));
        for (Map.Entry<String, String> part : Stack.services().entrySet()) {
            String path = school.path(paths.get(part.getKey()));
            assertThat(internal.get(path).status())
                    .as(part.getKey() + " through the gateway")
                    .isEqualTo(401);
            assertThat(internal.at(part.getValue()).get(path).status())
                    .as(part.getKey() + " directly")
                    .isEqualTo(403);
            assertThat(internal.at(part.getValue())
                            .get("/internal/v1/schools/" + school.urn + "/subjects/NOBODY")
                            .status())
                    .as(part.getKey() + "'s internal export")
                    .isNotIn(401, 403);
        }
        // no token at all: 401 with the challenge
        Api.Reply anonymous = Api.as(null).get(school.path("/pupils"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
        // while the same caller with a good token gets in, through the gateway and directly
        for (Map.Entry<String, String> service : Stack.services().entrySet()) {
            String path = school.path(paths.get(service.getKey()));
            assertThat(school.dpo.get(path).status()).as(service.getKey()).isEqualTo(200);
            assertThat(school.dpo.at(service.getValue()).get(path).status())
                    .as(service.getKey() + " directly")
                    .isEqualTo(200);
        }
    }

    private static void assertProblem(Api.Reply reply) {
        assertThat(reply.header("Content-Type").orElse("")).as(reply.call()).startsWith("application/problem+json");
    }
}
